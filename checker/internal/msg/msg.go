// Package msg is the checker's message catalogue: every sentence a learner
// reads, in English and in Korean, and the choice between the two.
//
// A message is named by its English text, as with gettext or
// golang.org/x/text/message: code says msg.T(lang, "Hint %d of %d") and
// gets the Korean format back when lang is Korean. The English stays where
// it is used, so the code reads as before; the Korean lives in catalogue.go.
// Tests check that every message the checker's packages pass to T (or to
// render.Printer's Say and Tf) has a Korean text with the same format
// verbs, so that a new English message cannot ship without its Korean.
package msg

import (
	"fmt"
	"regexp"
	"strings"
)

// The languages the checker speaks.
const (
	English = "en"
	Korean  = "ko"
)

// T returns message english in lang: its Korean text when lang is Korean
// and the catalogue has one, english itself otherwise.
func T(lang, english string) string {
	if lang == Korean {
		if ko, ok := korean[english]; ok {
			return ko
		}
	}
	return english
}

// F formats message format in lang with args, as fmt.Sprintf does.
func F(lang, format string, args ...any) string {
	return fmt.Sprintf(T(lang, format), args...)
}

// Has reports whether the catalogue has a Korean text for english.
func Has(english string) bool {
	_, ok := korean[english]
	return ok
}

// BadLangError is a language setting the checker does not know.
type BadLangError struct {
	Source string // "--lang" or "THREADLINGS_LANG"
	Value  string
}

func (e *BadLangError) Error() string {
	return fmt.Sprintf("%s must be en or ko, not %q", e.Source, e.Value)
}

// Choose returns the language to speak. An explicit --lang (flag, "" when
// not given) wins; then the THREADLINGS_LANG environment variable; then the
// locale, as POSIX reads it: the first of LC_ALL, LC_MESSAGES and LANG that
// is set decides, and a Korean locale (ko, ko_KR.UTF-8, ...) means Korean.
// A flag or THREADLINGS_LANG other than en or ko is an error; the language
// returned with it is the one the rest of the settings choose.
func Choose(flag string, getenv func(string) string) (string, error) {
	var bad error
	for _, setting := range []struct{ source, value string }{
		{"--lang", flag},
		{"THREADLINGS_LANG", getenv("THREADLINGS_LANG")},
	} {
		if setting.value == "" {
			continue
		}
		if lang, ok := parse(setting.value); ok {
			return lang, bad
		}
		if bad == nil {
			bad = &BadLangError{Source: setting.source, Value: setting.value}
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if lang, ok := parse(v); ok && lang == Korean {
				return Korean, bad
			}
			return English, bad
		}
	}
	return English, bad
}

// parse reads a language name: en or ko, alone or as a locale (ko_KR,
// ko-KR, ko_KR.UTF-8, en_US.UTF-8).
func parse(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	base, _, _ := strings.Cut(s, ".")
	base, _, _ = strings.Cut(base, "@")
	for _, lang := range []string{English, Korean} {
		if base == lang || strings.HasPrefix(base, lang+"_") || strings.HasPrefix(base, lang+"-") {
			return lang, true
		}
	}
	return "", false
}

// prefixes start the failure messages that go on with something only known
// at run time ("PANIC: " and the panic's value): Feedback translates the
// prefix and, if the catalogue has it, the rest.
var prefixes = []string{
	"PANIC: ",
	"TIMEOUT: ",
	"CRASH: the test binary was stopped during this spec: ",
	"CRASH: the whole test binary died during this spec: ",
	"TAMPERED: the run's records cannot be trusted: ",
	"not run: ",
}

// Feedback returns a spec's failure message in lang. The spec helpers
// (lessons/internal/spec) and the runner write those messages in English,
// a line each for their fixed sentences; every line that the catalogue has
// is translated, and a line that starts with one of prefixes gets that
// prefix translated. What the lessons' own specs say is translated through
// their catalogue (Spec), a message that spans lines as a whole; what no
// catalogue knows (Gomega's report of the values, a goroutine list) stays
// as it is.
func Feedback(lang, text string) string {
	if lang != Korean {
		return text
	}
	var out []string
	for more := true; more; {
		var line, rest string
		line, rest, more = strings.Cut(text, "\n")
		switch ko, n, ok := matchSpec(text, false, 0); {
		case line == "":
			out = append(out, line)
		case korean[line] != "":
			out = append(out, korean[line])
		case ok:
			out = append(out, ko)
			rest, more = strings.CutPrefix(text[n:], "\n")
		case goroutineLine.MatchString(line):
			out = append(out, goroutine(lang, line))
		default:
			for _, p := range prefixes {
				if after, ok := strings.CutPrefix(line, p); ok {
					line = korean[p] + todo(lang, T(lang, after))
					break
				}
			}
			out = append(out, line)
		}
		text = rest
	}
	return strings.Join(out, "\n")
}

// goroutineLine matches a line of the spec helpers' lists of goroutines:
// "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:27, called
// from 04-lock.(*Account).Update at account.go:42", "[chan receive]
// daemon.Monitor.func1 at monitor.go:28 (started at monitor.go:27) ×2".
var (
	goroutineLine = regexp.MustCompile(`^\[[a-zA-Z][^\]]*\] \S+ (at|started at) \S+\.go:\d+`)
	startedAt     = regexp.MustCompile(`( \(started at | started at )(\S+\.go:\d+)\)?`)
	callAt        = regexp.MustCompile(`(\S+) at (\S+\.go:\d+)`)
)

// goroutine translates the words of a goroutine's line; what it names (its
// state, functions and places) stays as Go prints it.
func goroutine(lang, line string) string {
	line = startedAt.ReplaceAllStringFunc(line, func(m string) string {
		return F(lang, " (started at %s)", startedAt.FindStringSubmatch(m)[2])
	})
	line = callAt.ReplaceAllString(line, "$1 ($2)")
	return strings.ReplaceAll(line, ", called from ", T(lang, ", called from "))
}

// todo translates the text of a TODO a stub panicked with ("TODO: Start:
// run target(arg) in a new goroutine"), the part after "TODO: ".
func todo(lang, text string) string {
	if rest, ok := strings.CutPrefix(text, "TODO: "); ok {
		return "TODO: " + Spec(lang, rest)
	}
	return text
}
