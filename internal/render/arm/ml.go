package arm

func mlKinds() table {
	t := table{}
	return t
}
