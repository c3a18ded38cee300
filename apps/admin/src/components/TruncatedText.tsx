/**
 * A table cell's text that keeps its column narrow: one line cut with an ellipsis, the whole value in the tooltip
 * (`title`) and, on keyboard focus, wrapped in place. `focusable: false` inside an element that takes focus itself
 * (a link), which then shows the whole value when it has focus.
 */
export function TruncatedText({ text, focusable = true }: { text: string; focusable?: boolean }) {
  return (
    <span className="truncated" title={text} tabIndex={focusable ? 0 : undefined}>
      {text}
    </span>
  );
}
