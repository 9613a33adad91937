package terraform

func networkKinds() table {
	t := table{}
	return t
}
