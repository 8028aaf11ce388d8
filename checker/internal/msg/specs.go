package msg

import (
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// specKorean holds the Korean of what the lessons' specs say, keyed by its
// English: the specs' names (the texts of Describe and It, joined by a
// space), the formats of their failure messages, and the TODO texts that
// the stubs panic with. The spec_NN.go files fill it, one per lesson, so
// that a lesson's sentences sit together.
//
// A format keeps the English's verbs as places where the arguments go: the
// Korean takes the text each argument became in the English message, in
// order, or in another order with explicit indexes (%[2]s). So the verb
// itself does not matter in the Korean, only which argument goes where.
// An entry whose Korean is "=" stays English on purpose (data, code).
var specKorean = map[string]string{}

// specFile names, for tests, the spec_NN.go file that each entry of
// specKorean comes from.
var specFile = map[string]string{}

// addSpecs adds one lesson's entries to specKorean.
func addSpecs(m map[string]string) {
	_, file, _, _ := runtime.Caller(1)
	for en, ko := range m {
		specKorean[en] = ko
		specFile[en] = filepath.Base(file)
	}
}

// HasSpec reports whether the catalogue has the Korean of english, a
// sentence of a lesson's specs.
func HasSpec(english string) bool {
	_, ok := specKorean[english]
	return ok
}

// Spec returns text, something a lesson's specs said, in lang. In Korean
// it is the catalogue's text for an exact entry, or for the first format
// whose fixed parts match the whole of text, with the format's arguments
// carried across (and themselves translated where the catalogue has them).
// Text the catalogue does not know comes back unchanged.
func Spec(lang, text string) string {
	if lang != Korean || text == "" {
		return text
	}
	if ko, n, ok := matchSpec(text, true, 0); ok && n == len(text) {
		return ko
	}
	return text
}

// specFormat is a message format of the lessons' specs, compiled to find
// the arguments in a message.
type specFormat struct {
	english string
	prefix  string         // the fixed text before the first verb
	re      *regexp.Regexp // anchored at the start; one group per verb
	// fragment is set for a format with little fixed text to find it by
	// ("%s %d times"): it would match lines it never made, so it only
	// translates the arguments of other formats.
	fragment bool
}

var (
	specFormatsOnce sync.Once
	specFormats     []specFormat
)

// verbRE matches a fmt verb: flags, width, precision and an optional
// explicit argument index, or "%%".
var verbRE = regexp.MustCompile(`%(?:%|[-+# 0]*(?:\[\d+\])?[0-9*]*(?:\.[0-9*]*)?[a-zA-Z])`)

func compileSpecFormats() {
	for en := range specKorean {
		if !verbRE.MatchString(en) {
			continue
		}
		var b strings.Builder
		b.WriteString(`^(?s)`)
		prefix, fixed, last, verbs := "", len(en), 0, 0
		for _, loc := range verbRE.FindAllStringIndex(en, -1) {
			verb := en[loc[0]:loc[1]]
			lit := en[last:loc[0]]
			if verbs == 0 {
				prefix += lit
			}
			b.WriteString(regexp.QuoteMeta(lit))
			fixed -= len(verb)
			switch {
			case verb == "%%":
				b.WriteString("%")
				if verbs == 0 {
					prefix += "%"
				}
			case strings.HasSuffix(verb, "d"):
				b.WriteString(`(-?\d+)`)
				verbs++
			default:
				b.WriteString(`(.*?)`)
				verbs++
			}
			last = loc[1]
		}
		b.WriteString(regexp.QuoteMeta(en[last:]))
		b.WriteString(`(?:\n|$)`)
		specFormats = append(specFormats, specFormat{
			english:  en,
			prefix:   prefix,
			re:       regexp.MustCompile(b.String()),
			fragment: len(prefix) < 4 && fixed < 16,
		})
	}
	// Longer fixed beginnings first: the most specific format wins.
	sort.Slice(specFormats, func(i, j int) bool {
		if len(specFormats[i].prefix) != len(specFormats[j].prefix) {
			return len(specFormats[i].prefix) > len(specFormats[j].prefix)
		}
		return specFormats[i].english < specFormats[j].english
	})
}

// matchSpec translates the start of text: the whole of it when whole is
// set, else up to the end of a line. It returns the Korean and how many
// bytes of text it stands for (the newline after it not included).
func matchSpec(text string, whole bool, depth int) (string, int, bool) {
	line := text
	if !whole {
		line, _, _ = strings.Cut(text, "\n")
	}
	if ko, ok := specKorean[line]; ok {
		if ko == "=" {
			ko = line
		}
		return ko, len(line), true
	}
	if depth > 2 {
		return "", 0, false
	}
	specFormatsOnce.Do(compileSpecFormats)
	for _, f := range specFormats {
		if !strings.HasPrefix(text, f.prefix) || f.fragment && depth == 0 {
			continue
		}
		m := f.re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		end := m[1]
		if end > 0 && text[end-1] == '\n' {
			end--
		}
		if whole && end != len(text) {
			continue
		}
		args := make([]string, 0, len(m)/2-1)
		for i := 2; i < len(m); i += 2 {
			arg := text[m[i]:m[i+1]]
			if ko, n, ok := matchSpec(arg, true, depth+1); ok && n == len(arg) {
				arg = ko
			}
			args = append(args, arg)
		}
		ko := specKorean[f.english]
		if ko == "=" {
			ko = f.english
		}
		return fill(ko, args), end, true
	}
	return "", 0, false
}

// fill puts args into the Korean format ko, each verb taking the next
// argument or the one its explicit index names, as fmt would.
func fill(ko string, args []string) string {
	next := 0
	return verbRE.ReplaceAllStringFunc(ko, func(verb string) string {
		if verb == "%%" {
			return "%"
		}
		if i := strings.IndexByte(verb, '['); i >= 0 {
			if n, err := strconv.Atoi(verb[i+1 : strings.IndexByte(verb, ']')]); err == nil {
				next = n - 1
			}
		}
		if next < 0 || next >= len(args) {
			return verb
		}
		next++
		return args[next-1]
	})
}
