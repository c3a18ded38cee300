import Box from '@cloudscape-design/components/box';

const SHOWN = 10;

/** The names a dialog acts on: the first ten, then "and N more". */
export function NameList({ names }: { names: readonly string[] }) {
  const shown = names.slice(0, SHOWN);
  return (
    <ul className="name-list">
      {shown.map((name) => (
        <li key={name}>
          <Box variant="strong">{name}</Box>
        </li>
      ))}
      {names.length > SHOWN && <li>and {names.length - SHOWN} more</li>}
    </ul>
  );
}
