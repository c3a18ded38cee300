import ProgressBar from '@cloudscape-design/components/progress-bar';

/** How far a dialog's run of one call per item has got: "Deleting groups", 2 of 5 (`unit`: "2 of 5 deleted"). */
export function BatchProgress({ label, done, total, unit }: { label: string; done: number; total: number; unit?: string }) {
  return <ProgressBar label={label} value={(done / total) * 100} additionalInfo={`${done} of ${total}${unit ? ` ${unit}` : ''}`} />;
}
