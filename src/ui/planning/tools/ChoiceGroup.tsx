/** A small radio group of the tool parameters (mode, source, shape), each choice a 44 px chip. */
import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
}

export function ChoiceGroup<T extends string>({ legend, value, options, onChange }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="st-plan-choice st-tools-choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="st-chip st-plan-choice__item st-tools-chip">
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
