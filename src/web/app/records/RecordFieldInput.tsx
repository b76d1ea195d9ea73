// One field of the record form, drawn from the server's field layout: text, number, lines, size,
// code-list value (searchable, any spelling the list knows is accepted by the server), choice, or
// repeated rows. Errors and reviewer comments arrive from the page, keyed by field path.
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { currentLang, pickLabel } from '../i18n/index.js';
import { colors } from '../theme.js';
import { codeValues, labelFor, type CodeList, type Field } from './recordData.js';

/** The form's value of a field: text for most inputs, {height, width} for sizes, rows for lists. */
export type RowValue = Record<string, string | boolean>;
export type FormValue = string | { height: string; width: string } | RowValue[];

export interface FieldInputProps {
  field: Field;
  type: string;
  value: FormValue;
  onChange: (value: FormValue) => void;
  errors: Map<string, string[]>;
  lists: Map<string, CodeList> | undefined;
  /** Drawn under the field: the reviewer's comments on it. */
  aside?: React.ReactNode;
}

const fieldId = (path: string) => `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

function SingleInput({
  field,
  path,
  label,
  value,
  onChange,
  errors,
  lists,
  stored,
}: {
  field: Field;
  path: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  errors: Map<string, string[]>;
  lists: Map<string, CodeList> | undefined;
  stored?: string;
}) {
  const lang = currentLang();
  const problem = errors.get(path)?.join('；');
  const hint = field.hint ? pickLabel(field.hint, lang) : undefined;
  const id = fieldId(path);
  if (field.input === 'code' || field.input === 'choice') {
    const options =
      field.input === 'code' ? codeValues(lists, field.codeList ?? '', stored) : [...(field.choices ?? [])];
    return (
      <Autocomplete
        id={id}
        freeSolo
        autoHighlight
        options={options}
        inputValue={value}
        onInputChange={(_e, v) => onChange(v)}
        renderInput={(params) => (
          <TextField
            {...params}
            name={path}
            label={label}
            required={field.required}
            error={Boolean(problem)}
            helperText={problem ?? hint}
          />
        )}
      />
    );
  }
  if (field.input === 'checkbox') {
    return (
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            name={path}
            checked={value === 'true'}
            onChange={(e) => onChange(String(e.target.checked))}
          />
        }
        label={label}
      />
    );
  }
  const multiline = field.input === 'textarea' || field.input === 'lines';
  return (
    <TextField
      id={id}
      name={path}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={field.required}
      multiline={multiline}
      minRows={multiline ? (field.input === 'lines' ? 2 : 3) : undefined}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      autoComplete="off"
      placeholder={field.input === 'date' ? 'YYYY-MM-DD' : undefined}
      slotProps={{
        htmlInput: {
          inputMode:
            field.input === 'integer' ? 'numeric' : field.input === 'decimal' ? 'decimal' : undefined,
          spellCheck: false,
        },
      }}
      fullWidth
    />
  );
}

export function RecordFieldInput({ field, type, value, onChange, errors, lists, aside }: FieldInputProps) {
  const { t } = useTranslation();
  const lang = currentLang();
  const label = labelFor(field, type, lang);
  if (field.input === 'size') {
    const size = value as { height: string; width: string };
    const whole = errors.get(field.key)?.join('；');
    return (
      <Box id={fieldId(field.key)} data-field={field.key}>
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
          {(['height', 'width'] as const).map((side) => (
            <TextField
              key={side}
              id={fieldId(`${field.key}.${side}`)}
              name={`${field.key}.${side}`}
              label={`${label} · ${t(side === 'height' ? 'form.height' : 'form.width')}`}
              value={size[side]}
              onChange={(e) => onChange({ ...size, [side]: e.target.value })}
              error={errors.has(`${field.key}.${side}`) || Boolean(whole)}
              helperText={errors.get(`${field.key}.${side}`)?.join('；')}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          ))}
        </Box>
        {whole ? <FormHelperText error>{whole}</FormHelperText> : null}
        {aside}
      </Box>
    );
  }
  if (field.input === 'rows') {
    const rows = value as RowValue[];
    const items = field.items ?? [];
    const rowLabel = field.rowLabel ? pickLabel(field.rowLabel, lang) : label;
    const whole = errors.get(field.key)?.join('；');
    return (
      <Box id={fieldId(field.key)} data-field={field.key} sx={{ display: 'grid', gap: 1.5 }}>
        {rows.map((row, i) => (
          <Box
            key={i}
            component="fieldset"
            sx={{ border: `1px solid ${colors.line}`, borderRadius: 1, p: 1.5, m: 0 }}
          >
            <Typography component="legend" sx={{ px: 0.5, fontSize: '0.9rem', color: 'text.secondary' }}>
              {rowLabel} {i + 1}
            </Typography>
            <Box
              sx={{
                display: 'grid',
                gap: 1,
                gridTemplateColumns: { xs: '1fr', sm: `repeat(${Math.min(items.length, 4)}, 1fr)` },
                alignItems: 'start',
              }}
            >
              {items.map((item) => (
                <SingleInput
                  key={item.key}
                  field={item as Field}
                  path={`${field.key}[${i}].${item.key}`}
                  label={pickLabel(item.label, lang)}
                  value={String(row[item.key] ?? '')}
                  onChange={(v) =>
                    onChange(
                      rows.map((r, j) =>
                        j === i ? { ...r, [item.key]: item.input === 'checkbox' ? v === 'true' : v } : r,
                      ),
                    )
                  }
                  errors={errors}
                  lists={lists}
                />
              ))}
            </Box>
            {errors.get(`${field.key}[${i}]`) ? (
              <FormHelperText error>{errors.get(`${field.key}[${i}]`)?.join('；')}</FormHelperText>
            ) : null}
            <Button
              size="small"
              onClick={() => onChange(rows.filter((_r, j) => j !== i))}
              aria-label={t('form.removeRow', { what: `${rowLabel} ${i + 1}` })}
            >
              {t('form.remove')}
            </Button>
          </Box>
        ))}
        {whole ? <FormHelperText error>{whole}</FormHelperText> : null}
        <Box>
          <Button size="small" variant="outlined" onClick={() => onChange([...rows, {}])}>
            + {t('form.addRow', { what: rowLabel })}
          </Button>
        </Box>
        {aside}
      </Box>
    );
  }
  return (
    <Box data-field={field.key}>
      <SingleInput
        field={field}
        path={field.key}
        label={label}
        value={value as string}
        onChange={onChange}
        errors={errors}
        lists={lists}
      />
      {aside}
    </Box>
  );
}
