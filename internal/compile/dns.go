package compile

func buildDNS(c *ctx) {}
