package mutate

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// ContractSentences counts the sentences of the doc comments of the
// exported names in lesson l's stub files (the files a learner edits, as
// the kit ships them): exported functions, exported methods of exported
// types, exported types, constants and variables, and the exported fields
// and interface methods of exported types. The package comment is the
// lesson's introduction, not a contract, and is not counted.
//
// A sentence ends at '.', '!' or '?' followed by white space or the end of
// the comment; a comment whose last sentence has no such end counts that
// sentence too. Indented lines (code examples) are left out. It is a
// measure of how much the doc comments promise, not a parse of English:
// "e.g. x" counts two.
func ContractSentences(root string, l course.Lesson) (int, error) {
	fset := token.NewFileSet()
	n := 0
	for _, stub := range l.Stubs {
		f, err := parser.ParseFile(fset, filepath.Join(root, l.LessonPath(), stub), nil, parser.ParseComments)
		if err != nil {
			return 0, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && receiverExported(d) {
					n += sentences(d.Doc)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						doc := s.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						n += sentences(doc) + fieldSentences(s.Type)
					case *ast.ValueSpec:
						exported := false
						for _, name := range s.Names {
							exported = exported || name.IsExported()
						}
						if !exported {
							continue
						}
						doc := s.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						n += sentences(doc)
					}
				}
			}
		}
	}
	return n, nil
}

func receiverExported(d *ast.FuncDecl) bool {
	if d.Recv == nil {
		return true
	}
	name := funcName(d)
	return ast.IsExported(strings.Split(name, ".")[0])
}

// fieldSentences counts the doc comments of the exported fields of a struct
// and the methods of an interface.
func fieldSentences(t ast.Expr) int {
	var fields *ast.FieldList
	switch t := t.(type) {
	case *ast.StructType:
		fields = t.Fields
	case *ast.InterfaceType:
		fields = t.Methods
	}
	if fields == nil {
		return 0
	}
	n := 0
	for _, f := range fields.List {
		exported := len(f.Names) == 0
		for _, name := range f.Names {
			exported = exported || name.IsExported()
		}
		if exported {
			n += sentences(f.Doc) + sentences(f.Comment)
		}
	}
	return n
}

// sentences counts the sentences of a doc comment.
func sentences(doc *ast.CommentGroup) int {
	if doc == nil {
		return 0
	}
	var prose []string
	for _, line := range strings.Split(doc.Text(), "\n") {
		if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ") {
			continue
		}
		prose = append(prose, line)
	}
	text := strings.TrimSpace(strings.Join(prose, " "))
	if text == "" {
		return 0
	}
	n := 0
	r := []rune(text)
	for i, c := range r {
		if (c == '.' || c == '!' || c == '?') && (i == len(r)-1 || unicode.IsSpace(r[i+1])) {
			n++
		}
	}
	if last := r[len(r)-1]; last != '.' && last != '!' && last != '?' {
		n++
	}
	return n
}

// QualityRow is one lesson's line of the quality table.
type QualityRow struct {
	Lesson     course.Lesson
	Specs      int
	Sentences  int
	Mutants    int
	Killed     int
	Equivalent int
	Invalid    int
	Survived   int
	Score      float64
}

// Row makes the quality row of a report; sentences from
// ContractSentences.
func Row(r *Report, sentences int) QualityRow {
	return QualityRow{
		Lesson: r.Lesson, Specs: r.Specs, Sentences: sentences,
		Mutants: len(r.Outcomes), Killed: r.Count(Killed), Equivalent: r.Count(Equivalent),
		Invalid: r.Count(Invalid), Survived: r.Count(Survived), Score: r.Score(),
	}
}

// Markdown writes docs/QUALITY.md: the table of every lesson, then each
// lesson's survivors as diffs. header says how the numbers were made
// (command line, operators, date).
func Markdown(header string, rows []QualityRow, reports []*Report) string {
	var b strings.Builder
	b.WriteString("# Spec quality\n\n")
	b.WriteString("Written by `checker mutate --quality docs/QUALITY.md`; do not edit by hand.\n")
	if header != "" {
		b.WriteString("\n" + header + "\n")
	}
	b.WriteString(`
How to read it:

- **specs**: the lesson's specs (all pass on the reference solution).
- **contract sentences**: sentences in the doc comments of the exported names
  of the lesson's stub files — what the lesson promises, each sentence a
  contract that a spec should hold (a sentence ends at '.', '!' or '?'
  before white space; code examples and the package comment do not count).
- **mutants**: one-change wrong versions of the reference solution made by
  the concurrency operators of ` + "`checker mutate`" + ` (see ` + "`checker mutate -h`" + `);
  mutants that do not compile are **invalid** and not counted.
- **killed**: mutants that some spec rejects (fail, race, timeout, crash,
  leak, ...). **equivalent**: survivors listed in
  ` + "`solutions/NN-topic/" + EquivalentFile + "`" + ` with a reason; verify checks the list.
- **score** = killed ÷ (mutants − equivalent − invalid).

| lesson | specs | contract sentences | mutants | killed | equivalent | invalid | survived | score |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
`)
	var tot QualityRow
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d | %s |\n", r.Lesson.Dir, r.Specs, r.Sentences, r.Mutants, r.Killed, r.Equivalent, r.Invalid, r.Survived, Percent(r.Score))
		tot.Specs += r.Specs
		tot.Sentences += r.Sentences
		tot.Mutants += r.Mutants
		tot.Killed += r.Killed
		tot.Equivalent += r.Equivalent
		tot.Invalid += r.Invalid
		tot.Survived += r.Survived
	}
	if len(rows) > 1 {
		score := 1.0
		if n := tot.Mutants - tot.Equivalent - tot.Invalid; n > 0 {
			score = float64(tot.Killed) / float64(n)
		}
		fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d | %d | %d | %d | %s |\n", tot.Specs, tot.Sentences, tot.Mutants, tot.Killed, tot.Equivalent, tot.Invalid, tot.Survived, Percent(score))
	}
	for _, r := range reports {
		var surv, eq []Outcome
		for _, o := range r.Outcomes {
			switch o.Status {
			case Survived:
				surv = append(surv, o)
			case Equivalent:
				eq = append(eq, o)
			}
		}
		if r.Err != nil {
			fmt.Fprintf(&b, "\n## %s\n\nNot mutation-tested: %v\n", r.Lesson.Dir, r.Err)
			continue
		}
		if len(surv) == 0 && len(eq) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n", r.Lesson.Dir)
		if len(eq) > 0 {
			b.WriteString("\nEquivalent:\n\n")
			for _, o := range eq {
				fmt.Fprintf(&b, "- `%s`: %s — %s\n", o.ID, o.What, o.Why)
			}
		}
		if len(surv) > 0 {
			fmt.Fprintf(&b, "\nSurvivors (%d):\n", len(surv))
		}
		for _, o := range surv {
			fmt.Fprintf(&b, "\n`%s` (line %d): %s\n\n```diff\n%s```\n", o.ID, o.Line, o.What, o.Diff)
		}
	}
	return b.String()
}

// Percent formats a score: "93.8%".
func Percent(score float64) string {
	return fmt.Sprintf("%.1f%%", 100*score)
}
