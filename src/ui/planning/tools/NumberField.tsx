/**
 * A numeric parameter of the active tool. The text is kept locally so that a half-typed "1." or
 * an empty field stays as typed; every edit still goes to the store (an empty field as NaN), and
 * the tool's own validation says what is wrong, so the form and a finish agree on what is valid.
 */
import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  onChange(v: number): void;
  /** The translated problem of this parameter, or null. */
  problem: string | null;
  step?: number;
  disabled?: boolean;
}

const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));
const parse = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));
const show = (v: number): string => (Number.isFinite(v) ? String(v) : '');

export function NumberField({ label, value, onChange, problem, step = 1, disabled }: Props) {
  const id = useId();
  const errId = useId();
  const [text, setText] = useState(() => show(value));

  // A value set elsewhere (the camera's heading, a handle drag, undo) replaces the text.
  useEffect(() => {
    setText((cur) => (same(parse(cur), value) ? cur : show(value)));
  }, [value]);

  return (
    <div className="st-field st-tools-param">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className="st-input st-tools-input"
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
      {problem && (
        <span id={errId} className="st-tools-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
