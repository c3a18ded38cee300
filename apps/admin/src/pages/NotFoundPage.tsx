import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { href, useFollow } from '../lib/navigation.ts';
import { usePage } from '../lib/page.tsx';

export function NotFoundPage() {
  const onFollow = useFollow();
  usePage('Page not found', [{ text: 'Mailyard', href: href('/organizations') }]);
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <Container>
        <Box variant="p">There is no page at this address.</Box>
        <Button href={href('/organizations')} onFollow={onFollow}>
          Go to Organizations
        </Button>
      </Container>
    </ContentLayout>
  );
}
