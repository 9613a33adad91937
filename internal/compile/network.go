package compile

func buildNetwork(c *ctx) {}
