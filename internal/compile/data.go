package compile

func buildData(c *ctx) {}
