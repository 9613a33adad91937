package compile

func buildOnPrem(c *ctx) {}
