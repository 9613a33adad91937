package arm

func webKinds() table {
	t := table{}
	return t
}
