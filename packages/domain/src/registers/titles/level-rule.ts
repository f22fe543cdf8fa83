import type { RegisterRule } from '../definition.ts';
import type { Label } from '../label.ts';
import { RECOGNITION_LEVEL_LABELS, type RecognitionLevel } from '../../recognition/types.ts';

/** An option (a kind of title, a programme) awarded at some levels only. */
export interface LevelledOption {
  value: string;
  label: Label;
  levels: readonly RecognitionLevel[];
}

/** The rule "the level fits the option chosen in `kindKey`" (a Morning Star Factory is provincial only). */
export function levelOfKindRule(kindKey: string, options: readonly LevelledOption[], description: Label): RegisterRule {
  return {
    code: 'levelOfKind',
    field: 'level',
    severity: 'error',
    description,
    test: (values) => {
      const kind = options.find((o) => o.value === values[kindKey]);
      if (!kind || (kind.levels as readonly string[]).includes(String(values.level))) return null;
      return {
        key: 'registers.titles.levelOfKind',
        params: {
          kindZh: kind.label.zh,
          kindEn: kind.label.en,
          levelsZh: kind.levels.map((l) => RECOGNITION_LEVEL_LABELS[l].zh).join('、'),
          levelsEn: kind.levels.map((l) => RECOGNITION_LEVEL_LABELS[l].en).join(', '),
        },
      };
    },
  };
}
