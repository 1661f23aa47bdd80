// Shared, pure mapping helpers (issue 3). Areas are exported here as they are finished and tested.
export {};
