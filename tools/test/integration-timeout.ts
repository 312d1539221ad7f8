// Integration tests wait on real brokers, databases and processes: minutes, not jest's 5 s default.
jest.setTimeout(240_000);
