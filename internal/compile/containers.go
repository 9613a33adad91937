package compile

func buildContainers(c *ctx) {}
