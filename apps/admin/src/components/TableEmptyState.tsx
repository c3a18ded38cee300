import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/** The centred message of an empty table or list, with an optional action. */
export function TableEmptyState({ title, subtitle, action }: { title: string; subtitle?: string; action?: ReactNode }) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="center" color="inherit">
      <SpaceBetween size="m">
        <div>
          <Box variant="strong" color="inherit">
            {title}
          </Box>
          {subtitle && (
            <Box variant="p" color="inherit">
              {subtitle}
            </Box>
          )}
        </div>
        {action}
      </SpaceBetween>
    </Box>
  );
}
