package arm

func governanceKinds() table {
	t := table{}
	return t
}
