// Workflow scenarios move the server's clock by weeks and start a worker each: seconds, not ms.
jest.setTimeout(120_000);
