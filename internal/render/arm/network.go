package arm

func networkKinds() table {
	t := table{}
	return t
}
