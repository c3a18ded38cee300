import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import LiveRegion from '@cloudscape-design/components/live-region';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';
import type { MailyardErrorInfo } from '../lib/errors.ts';
import { href, useFollow } from '../lib/navigation.ts';

interface FormPageProps {
  title: ReactNode;
  description: ReactNode;
  /** Label of the submit button. */
  submitLabel: ReactNode;
  /** App path the Cancel link leads to. */
  cancelPath: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  /** Shows the submit button as loading. */
  pending: boolean;
  /** A failure no field shows: announced in an error alert above the content, headed `failureHeader`. */
  failure?: MailyardErrorInfo | null;
  failureHeader?: ReactNode;
  /** The form's own error text, under the content (for a page that shows its failure there instead). */
  errorText?: ReactNode;
  /** The page's containers. */
  children: ReactNode;
}

/**
 * The frame shared by the console's full-page forms: a heading, Cancel and a submit button, and the failure.
 * The browser never posts the form (the page submits through the API) and leaves validation to the page.
 */
export function FormPage({ title, description, submitLabel, cancelPath, onSubmit, pending, failure, failureHeader, errorText, children }: FormPageProps) {
  const onFollow = useFollow();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(event);
      }}
      noValidate
    >
      <Form
        header={
          <Header variant="h1" description={description}>
            {title}
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" href={href(cancelPath)} onFollow={onFollow}>
              Cancel
            </Button>
            <Button variant="primary" formAction="submit" loading={pending}>
              {submitLabel}
            </Button>
          </SpaceBetween>
        }
        errorText={errorText}
      >
        <SpaceBetween size="l">
          {failure && (
            <LiveRegion assertive>
              <Alert type="error" header={failureHeader}>
                {failure.message}
              </Alert>
            </LiveRegion>
          )}
          {children}
        </SpaceBetween>
      </Form>
    </form>
  );
}
