package compile

func buildWorkstations(c *ctx) {}
