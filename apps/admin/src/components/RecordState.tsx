import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { errorInfo } from '../lib/errors.ts';
import { href, useFollow } from '../lib/navigation.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoading } from './PageLoading.tsx';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A detail page until its record can be shown: a spinner under the page's title while it loads; a record that does not
 * exist — the server says 404, or the id is not one at all and its schema refuses it — is "… not found", with the way
 * back to its list; any other failure is shown with a retry. A page renders it while its query has no data:
 * `if (!query.isSuccess) return <RecordState query={query} … />`.
 */
export function RecordState(props: {
  /** The detail query (TanStack Query's result). */
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  /** What the page shows, in a sentence: "user", "migration". */
  noun: string;
  /** The page's title while loading and when the failure is not a missing record. */
  title: string;
  /** The sentence for a missing record: "No user with the ID … exists in this organization." */
  missing: string;
  /** The list the record would be in. */
  back: { text: string; path: string };
}) {
  const onFollow = useFollow();
  const { query, noun } = props;
  const info = query.isPending ? null : errorInfo(query.error);
  const notFound = info !== null && (info.httpStatus === 404 || info.code === 'VALIDATION');
  return (
    <ContentLayout header={<Header variant="h1">{notFound ? `${capitalized(noun)} not found` : props.title}</Header>}>
      {query.isPending ? (
        <PageLoading>{`Loading the ${noun}`}</PageLoading>
      ) : notFound ? (
        <Alert
          type="error"
          action={
            <Button href={href(props.back.path)} onFollow={onFollow}>
              {props.back.text}
            </Button>
          }
        >
          {props.missing}
        </Alert>
      ) : (
        <ErrorAlert header={`The ${noun} could not be loaded`} error={query.error} onRetry={() => void query.refetch()} />
      )}
    </ContentLayout>
  );
}
