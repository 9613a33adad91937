package compile

func buildML(c *ctx) {}
