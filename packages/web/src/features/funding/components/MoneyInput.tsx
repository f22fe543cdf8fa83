import { InputNumber, type InputNumberProps } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';

// Yuan with thousands separators; two decimals once typing stops. The form holds yuan, api.ts turns it into fen.
const withCommas = (value: string | number | undefined, info: { userTyping: boolean }) => {
  if (value === undefined || value === '') return '';
  const text = info.userTyping || Number.isNaN(Number(value)) ? String(value) : Number(value).toFixed(2);
  const [whole, fraction] = text.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction !== undefined ? `.${fraction}` : ''}`;
};
const withoutCommas = (text: string | undefined) => (text ?? '').replace(/,/g, '');

/** An amount in 元. No lower bound here: the server decides, and its refusal names the field. */
export function MoneyInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser'>) {
  const t = useT();
  return (
    <InputNumber<number>
      style={{ width: '100%' }}
      precision={2}
      suffix={t('funding.yuan')}
      formatter={withCommas}
      parser={(text) => Number(withoutCommas(text))}
      {...props}
    />
  );
}
