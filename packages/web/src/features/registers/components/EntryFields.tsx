import type { EntryValues, FieldSpec, RegisterDefinition } from '@zhizao/domain';
import { Col, Form, Row } from 'antd';
import { useAuth } from '../../../app/auth/AuthProvider.tsx';
import { useI18n } from '../../../app/i18n/I18nProvider.tsx';
import type { Entry } from '../api.ts';
import { FieldInput } from '../fields.tsx';

/** The form items of a register's fields, two to a row on a desktop, one on a phone; long texts take the full width. */
export function EntryFields({
  definition,
  entry,
  fields = definition.fields,
}: {
  definition: RegisterDefinition;
  entry: Entry | null;
  fields?: readonly FieldSpec[];
}) {
  const { pick, t } = useI18n();
  const { actor } = useAuth();
  const districtLocked = actor?.role === 'district_officer';
  return (
    <Row gutter={24}>
      {fields.map((field) => {
        const label = pick(field.label);
        const choice =
          field.type !== 'text' && field.type !== 'integer' && field.type !== 'decimal' && field.type !== 'money' && field.type !== 'year';
        const wide = field.type === 'text' && (field.multiline || (field.maxLength ?? 0) > 200);
        return (
          <Col key={field.key} xs={24} md={wide ? 24 : 12}>
            <Form.Item
              name={field.key}
              label={label}
              extra={field.help ? pick(field.help) : undefined}
              valuePropName={field.type === 'boolean' ? 'value' : undefined}
              rules={
                field.required && field.type !== 'boolean'
                  ? [{ required: true, message: t(choice ? 'common.requiredChoice' : 'common.required', { field: label }) }]
                  : []
              }
            >
              <FieldInput field={field} entry={entry} districtLocked={districtLocked && field.type === 'district'} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

/** The form's starting values: the entry's, or blanks (a district officer's own district filled in). */
export function initialValuesOf(definition: RegisterDefinition, entry: Entry | null, districtCode: string | null): EntryValues {
  return Object.fromEntries(
    definition.fields.map((f) => [
      f.key,
      entry ? ((entry[f.key] as EntryValues[string]) ?? null) : f.type === 'district' ? districtCode : f.type === 'boolean' ? false : null,
    ]),
  );
}

/** Every field present, blanks as null, as the API takes it. */
export const bodyOf = (definition: RegisterDefinition, values: Record<string, unknown>): EntryValues =>
  Object.fromEntries(definition.fields.map((f) => [f.key, (values[f.key] ?? null) as EntryValues[string]]));
