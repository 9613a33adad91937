package compile

func buildIdentity(c *ctx) {}
