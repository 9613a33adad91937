package arm

func dataKinds() table {
	t := table{}
	return t
}
