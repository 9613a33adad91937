package arm

func containerKinds() table {
	t := table{}
	return t
}
