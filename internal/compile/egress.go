package compile

func buildEgress(c *ctx) {}
