import TextFilter from '@cloudscape-design/components/text-filter';

/** The search box of a table whose rows are all on the page (domains, tags): it filters in memory and counts. */
export function FindFilter({ noun, text, matches, onChange }: { noun: string; text: string; matches: number; onChange: (text: string) => void }) {
  return (
    <TextFilter
      filteringText={text}
      filteringPlaceholder={`Find ${noun}`}
      filteringAriaLabel={`Find ${noun}`}
      countText={`${matches} match${matches === 1 ? '' : 'es'}`}
      onChange={({ detail }) => onChange(detail.filteringText)}
    />
  );
}
