// PLACEHOLDER so that cdk/ can bundle an entry point; the runtime work (issue 4) replaces this file.
export const handler = async (): Promise<void> => {
  throw new Error('not implemented yet');
};
