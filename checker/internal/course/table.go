package course

// table is the course. Lesson numbers are part of the user interface
// (make lesson-03): never renumber.
var table = []Lesson{
	{
		Number: "01", Dir: "01-goroutines",
		Title: "Goroutines: start and join", TitleKO: "고루틴: 시작하고 기다리기",
		Stubs: []string{"goroutines.go"},
		Hints: []Hint{{EN: "placeholder", KO: "placeholder"}},
	},
}
