package arm

func computeKinds() table {
	t := table{}
	return t
}
