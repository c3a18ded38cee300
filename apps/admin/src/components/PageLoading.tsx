import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';

/** A page whose record is still on its way: a large spinner and what is loading ("Loading group"). */
export function PageLoading({ children }: { children: string }) {
  return (
    <Box textAlign="center" padding="xxl">
      <Spinner size="large" /> {children}
    </Box>
  );
}
