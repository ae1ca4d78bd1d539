// Tests of the real stack start processes and servers and render pages on a machine that may be
// busy: a test's first request pays for compiling templates and warming pools. Seconds, not ms;
// a file that needs longer says so itself.
jest.setTimeout(60_000);
