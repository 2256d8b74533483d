/** Sign-in, passwords, sessions and single sign-on (issue 16; docs/api/identity.md). */
export {};
