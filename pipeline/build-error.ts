/**
 * The build stopped on a source it cannot process; the message says where and why, and is
 * meant to be shown as it is (the command line prefixes it with `press:`). In a module of its
 * own so that the command line can recognise it without loading the pipeline.
 */
export class BuildError extends Error {
  override name = 'BuildError';
}
