package msg

// korean holds the Korean text of every message, keyed by its English
// text. A Korean format may take its arguments in another order with
// explicit indexes (%[2]d), but must use each of them with the same verb.
//
// Words: 스펙 (spec), 레슨 (lesson), 고루틴, 뮤텍스, 락, 채널, 데이터 경쟁,
// 교착 상태, 컨텍스트, 레이스 디텍터. A sentence does not put a particle
// straight after an argument whose last sound is not known (은/는, 을/를
// depend on it): it names the thing ("make lesson-%s 명령을") instead.
var korean = map[string]string{
	// Verdicts, as the run and the summary name them (internal/verdict).
	"pass":        "통과",
	"fail":        "실패",
	"panic":       "패닉",
	"timeout":     "시간 초과",
	"race":        "데이터 경쟁",
	"leak":        "고루틴 누수",
	"crash":       "비정상 종료",
	"not-run":     "실행 안 됨",
	"build-error": "빌드 오류",
	"forbidden":   "허용 안 됨",
	"tampered":    "변조됨",

	// checker run, and the result that watch shows.
	"%s does not compile:\n": "%s 코드가 컴파일되지 않습니다:\n",
	"your code uses what this lesson does not allow, so no spec was run:\n": "이 레슨에서 허용하지 않는 것을 코드에서 쓰고 있어서 스펙을 하나도 실행하지 않았습니다:\n",
	"      (the rules: docs/SECURITY.md)\n":                                 "      (규칙은 docs/SECURITY.md에 있습니다)\n",
	"the run's records cannot be trusted: %s\n":                             "실행 기록을 믿을 수 없습니다: %s\n",
	"at %s\n": "위치: %s\n",
	"The same failure as under “%s” above.\n":  "위의 “%s” 스펙과 같은 이유로 실패했습니다.\n",
	"The cause is explained under “%s” above.": "원인은 위의 “%s” 스펙 아래에 설명했습니다.",
	" (started at %s)":                       " (시작한 곳: %s)",
	", called from ":                         ", 호출한 곳: ",
	"output:\n":                              "출력:\n",
	"\n… %d more lines (-v shows all)":       "\n… %d줄 더 있음 (-v를 붙이면 모두 보입니다)",
	"\n--- go test output ---\n%s\n":         "\n--- go test 출력 ---\n%s\n",
	"checking your code with go vet":         "go vet으로 코드를 검사하는 중",
	"checker: could not save progress: %v\n": "checker: 진행 상황을 저장하지 못했습니다: %v\n",
	"the test binary ran no spec":            "테스트 바이너리가 스펙을 하나도 실행하지 않았습니다",
	", cached":                               ", 캐시된 결과",
	"%d %s":                                  "%[2]s %[1]d개",
	"%s: all %d specs pass (%s%s).":          "%s: 스펙 %d개 모두 통과 (%s%s).",
	"%s: %d of %d specs pass; %s (%s%s).":    "%[1]s: 스펙 %[3]d개 중 %[2]d개 통과. %[4]s (%[5]s%[6]s).",
	"%s: no spec ran: %s (%s).":              "%s: 실행된 스펙이 없습니다. %s (%s).",
	"%s: not graded: the test binary's records were tampered with.":                                                         "%s: 채점하지 않았습니다. 테스트 바이너리의 기록이 변조되었습니다.",
	"%s: not run: the build did not finish in time. Run make lesson-%s again.":                                              "%s: 실행하지 못했습니다. 빌드가 제한 시간 안에 끝나지 않았습니다. make lesson-%s 명령을 다시 실행하세요.",
	"%s: does not compile. Fix the first error above and run make lesson-%s again.":                                         "%s: 컴파일되지 않습니다. 위에 나온 첫 번째 오류를 고친 뒤 make lesson-%s 명령을 다시 실행하세요.",
	"%s: not run: change the lines above to use only what the lesson allows, then run make lesson-%s again.":                "%s: 실행하지 않았습니다. 위에 나온 줄이 레슨에서 허용하는 것만 쓰도록 고친 뒤 make lesson-%s 명령을 다시 실행하세요.",
	"\nRun make lesson-%s again; if it says the same, run bin/checker run -v %s to see everything the test binary printed.": "\nmake lesson-%s 명령을 다시 실행해 보세요. 결과가 같으면 bin/checker run -v %s 명령으로 테스트 바이너리가 출력한 내용을 모두 보세요.",
	"\nFix the first failure above, then make lesson-%s again. The lesson: %s/README.md. Stuck? make hint-%s":               "\n위에 나온 첫 번째 실패부터 고치고 make lesson-%s 명령을 다시 실행하세요. 레슨 설명: %s/README.ko.md. 막히면: make hint-%s",
	"Notes from go vet on your code (they do not change the verdicts):":                                                     "go vet이 여러분의 코드에서 찾은 점 (판정에는 영향이 없습니다):",

	// The notes a run can end with (package runner).
	"the test binary asked to be restarted but no spec had ended: it was stopped so that it cannot run for ever": "테스트 바이너리가 다시 시작해 달라고 했지만 끝난 스펙이 하나도 없어서, 끝없이 돌지 않도록 멈췄습니다",
	"the run hit its hard time limit before every spec had run":                                                  "모든 스펙을 실행하기 전에 실행 시간 상한에 걸렸습니다",
	"the test binary exited before its specs ran: does init or TestMain call os.Exit?":                           "테스트 바이너리가 스펙을 실행하기 전에 종료했습니다. init이나 TestMain에서 os.Exit를 부르고 있지 않나요?",

	// The verdicts' messages, from the spec helpers (lessons/internal/spec)
	// and the runner: whole lines, and the prefixes of Feedback.
	"DATA RACE: two goroutines touched the same memory at the same time, and at least one of them wrote it. Guard the shared data with a mutex, a channel or an atomic. The race report names both accesses and where each goroutine started.": "데이터 경쟁: 두 고루틴이 같은 메모리를 동시에 건드렸고, 그중 적어도 하나는 쓰기였습니다. 공유 데이터를 뮤텍스나 채널, 원자적 연산으로 보호하세요. 레이스 보고서에 두 접근의 위치와 각 고루틴이 시작된 곳이 나옵니다.",
	"DEADLOCK: every goroutine of this spec is blocked, waiting on each other (a channel nobody sends on, a WaitGroup that never reaches zero, a lock nobody releases).":                                                                       "교착 상태: 이 스펙의 고루틴이 모두 서로를 기다리며 멈춰 있습니다(아무도 보내지 않는 채널, 0이 되지 않는 WaitGroup, 아무도 풀지 않는 락).",
	"LEAK: the spec's work returned while goroutines it started were still blocked. Every goroutine you start must be able to finish.":                                                                                                         "고루틴 누수: 스펙의 작업은 반환했는데, 그 작업이 시작한 고루틴은 아직 멈춰 있습니다. 시작한 고루틴은 모두 끝날 수 있어야 합니다.",
	"LEAK: a goroutine this spec started was still running after the spec ended. Make sure every goroutine you start can finish: close the channel it ranges over, cancel its context, or wait for it.":                                        "고루틴 누수: 이 스펙에서 시작한 고루틴이 스펙이 끝난 뒤에도 돌고 있었습니다. 시작한 고루틴은 모두 끝날 수 있게 하세요. 그 고루틴이 range로 읽는 채널을 닫거나, 컨텍스트를 취소하거나, 끝날 때까지 기다리면 됩니다.",
	"TIMEOUT: the spec ran out of time: something is blocked or looping. The goroutines of your code and where each one waits are listed below.":                                                                                               "시간 초과: 스펙이 제한 시간 안에 끝나지 않았습니다. 무언가 막혀 있거나 끝없이 돌고 있습니다. 아래에 여러분 코드의 고루틴과 각 고루틴이 기다리는 위치가 나옵니다.",
	"TIMEOUT: the run hit its hard time limit during this spec and was killed: something never stopped, not even for the spec timeout.":                                                                                                        "시간 초과: 이 스펙을 실행하는 도중 전체 실행 시간 상한에 걸려 강제로 종료되었습니다. 스펙의 제한 시간이 지나도 멈추지 않은 것이 있습니다.",
	"CRASH: the test binary exited during this spec without a panic: did something call os.Exit?":                                                                                                                                              "비정상 종료: 이 스펙을 실행하는 도중 테스트 바이너리가 패닉 없이 종료했습니다. 어딘가에서 os.Exit를 부르지 않았나요?",
	"A panic on a goroutine you started, or a fatal runtime error, ends the whole program: no spec after it could run in the same process.":                                                                                                    "여러분이 시작한 고루틴에서 난 패닉이나 런타임의 치명적 오류는 프로그램 전체를 끝냅니다. 그래서 그 뒤의 스펙은 같은 프로세스에서 실행될 수 없었습니다.",
	"FORBIDDEN: the lesson's code uses what it may not; see above":                                                                                                                                                                             "허용 안 됨: 레슨의 코드가 쓰면 안 되는 것을 쓰고 있습니다. 위를 보세요",
	"not run: the test binary died before this spec": "실행 안 됨: 이 스펙을 실행하기 전에 테스트 바이너리가 죽었습니다",
	"not run: the checker asked to skip it":          "실행 안 됨: 체커가 이 스펙을 건너뛰게 했습니다",
	// The deadlock messages of the branch "feedback", ready for its merge.
	"DEADLOCK: every goroutine this spec started is blocked, and none of them can ever wake another: at least one waits for a mutex that nobody will unlock. The blocked goroutines of your code:":            "교착 상태: 이 스펙이 시작한 고루틴이 모두 멈춰 있고, 어느 것도 다른 고루틴을 깨울 수 없습니다. 적어도 하나는 아무도 풀지 않을 뮤텍스를 기다리고 있습니다. 멈춰 있는 여러분 코드의 고루틴:",
	"DEADLOCK: every goroutine of this spec is blocked, waiting on each other (a channel nobody sends on, a WaitGroup that never reaches zero, a lock nobody releases). The blocked goroutines of your code:": "교착 상태: 이 스펙의 고루틴이 모두 서로를 기다리며 멈춰 있습니다(아무도 보내지 않는 채널, 0이 되지 않는 WaitGroup, 아무도 풀지 않는 락). 멈춰 있는 여러분 코드의 고루틴:",
	"(none of them is in your code right now: look at what your code returned without unlocking)":                                                                                                             "(지금은 그중 어느 것도 여러분 코드 안에 있지 않습니다. 여러분 코드에서 락을 풀지 않고 반환한 곳을 찾아보세요)",
	// The heading of the timeline under a failure about concurrency
	// (spec.TimelineHeading); its rows and axis need no words.
	"When each one ran, on the fake clock (# running):": "가짜 시계로 본 각각의 실행 시간 (#: 실행 중):",
	"PANIC: ":   "패닉: ",
	"TIMEOUT: ": "시간 초과: ",
	"not run: ": "실행 안 됨: ",
	"CRASH: the test binary was stopped during this spec: ": "비정상 종료: 이 스펙을 실행하는 도중 테스트 바이너리가 중단되었습니다: ",
	"CRASH: the whole test binary died during this spec: ":  "비정상 종료: 이 스펙을 실행하는 도중 테스트 바이너리 전체가 죽었습니다: ",
	"TAMPERED: the run's records cannot be trusted: ":       "변조됨: 실행 기록을 믿을 수 없습니다: ",

	// The status line while a run works.
	" with the race detector": " (레이스 디텍터 사용)",
	"building lesson %s%s — the first build takes a minute or two, later ones a second or two": "레슨 %s 빌드 중%s — 첫 빌드는 1~2분, 그다음부터는 1~2초 걸립니다",
	"running lesson %s's specs": "레슨 %s의 스펙 실행 중",

	// Choosing a lesson and a language; the environment.
	"checker %s: name one lesson, e.g. checker %s 01\n":                                                 "checker %s: 레슨을 하나만 지정하세요. 예: checker %s 01\n",
	"checker %s: no lesson %q: the course has lessons %s to %s (make list shows them)\n":                "checker %s: %q 레슨은 없습니다. 레슨은 %s부터 %s까지 있습니다 (make list로 볼 수 있습니다)\n",
	"checker %s: %s must be en or ko, not %q\n":                                                         "checker %s: %s 값은 en이나 ko여야 합니다. 지금 값: %q\n",
	"checker: running without the race detector: %s. Install a C compiler (gcc) to catch data races.\n": "checker: 레이스 디텍터 없이 실행합니다(%s). 데이터 경쟁을 잡으려면 C 컴파일러(gcc)를 설치하세요.\n",

	// checker hint.
	"Hint %d of %d": "힌트 %d/%d",
	"\nRun make hint-%s again for the next hint.\n": "\n다음 힌트를 보려면 make hint-%s 명령을 다시 실행하세요.\n",
	"\nThat was the last hint.\n":                   "\n마지막 힌트였습니다.\n",

	// checker status and checker list.
	"%s %d of %d lessons done\n\n":    "%[1]s 레슨 %[3]d개 중 %[2]d개 완료\n\n",
	"not run yet":                     "아직 실행 안 함",
	"Every lesson passes. Well done.": "모든 레슨을 통과했습니다. 수고하셨습니다!",
	"\nNext: make lesson-%s (%s)\n":   "\n다음 레슨: make lesson-%s (%s)\n",

	// checker reset.
	"%s is already as the kit shipped it.\n":             "%s 디렉터리는 이미 처음 받은 그대로입니다.\n",
	"Go on? [y/N] ":                                      "계속할까요? [y/N] ",
	"Nothing changed.\n":                                 "아무것도 바꾸지 않았습니다.\n",
	"Reset %d file(s). make lesson-%s to start again.\n": "파일 %d개를 되돌렸습니다. make lesson-%s 명령으로 처음부터 다시 시작하세요.\n",

	// checker solution.
	"Lesson %s does not pass yet (%d/%d at the last run). The solution is more use after you have fought with the lesson: try make hint-%s first.\n": "레슨 %s: 아직 통과하지 못했습니다(마지막 실행에서 %d/%d). 답안은 레슨과 충분히 씨름해 본 뒤에 봐야 더 도움이 됩니다. 먼저 make hint-%s 명령으로 힌트를 보세요.\n",
	"To see it anyway: bin/checker solution --force %s\n": "그래도 보려면: bin/checker solution --force %s\n",

	// checker watch.
	"Save a file to run again · h hint · n next lesson · r run again · l list · q quit (then Enter)": "파일을 저장하면 다시 실행 · h 힌트 · n 다음 레슨 · r 다시 실행 · l 목록 · q 끝내기 (누른 뒤 Enter)",
	"Lesson %s passes!":               "레슨 %s 통과!",
	"Next: lesson %s, %s.":            "다음 레슨: %s, %s",
	"(run started %s after the save)": "(저장하고 %s 뒤에 실행 시작)",

	// Where a race's accesses happened and why a mutex is never unlocked
	// (explain.Race and explain.Deadlock); the TODO lines and two more
	// verdict words, ready for the branch "feedback".
	"deadlock":             "교착 상태",
	"todo":                 "미구현",
	"TODO at %s: %s":       "TODO (%s): %s",
	"the same TODO, at %s": "같은 TODO (%s)",
	"at %s (in the spec)":  "위치 %s (스펙 안)",
	"inside %s (Go's library), called from %s":                         "%s 안(Go 라이브러리), 호출한 곳 %s",
	"inside %s (Go's library), with no line of your code on its stack": "%s 안(Go 라이브러리), 스택에 여러분 코드가 없음",
	"Both accesses are a sync.WaitGroup's own: an Add ran at the same time as a Wait on the same WaitGroup. Call Add before the go statement, in the goroutine that starts the work, never inside the new goroutine: then every Add happens before the Wait that counts on it.":                                                          "두 접근 모두 sync.WaitGroup 자신의 것입니다. 같은 WaitGroup에서 Add와 Wait가 동시에 실행되었습니다. Add는 새 고루틴 안이 아니라, 일을 시작하는 고루틴에서 go 문보다 먼저 호출하세요. 그래야 모든 Add가 그것을 기다리는 Wait보다 먼저 일어납니다.",
	"DATA RACE on a sync.WaitGroup: an Add ran at the same time as a Wait on the same WaitGroup, so the Wait could return before it had counted the new goroutine. Call Add before the go statement, in the goroutine that starts the work, never inside the new goroutine (or let wg.Go do both). Below: where each goroutine started.": "sync.WaitGroup에서 데이터 경쟁: 같은 WaitGroup에서 Add와 Wait가 동시에 실행되어, Wait가 새 고루틴을 세기도 전에 돌아올 수 있었습니다. Add는 새 고루틴 안이 아니라, 일을 시작하는 고루틴에서 go 문보다 먼저 호출하세요(또는 wg.Go가 둘 다 하게 하세요). 아래는 각 고루틴이 시작된 곳입니다.",
	"inside the Go runtime, with no line of your code on its stack": "Go 런타임 안, 스택에 여러분 코드가 없음",
	"in the test framework's code, not in yours":                    "여러분 코드가 아니라 테스트 프레임워크 코드 안",
	"by the test framework, to run the spec":                        "스펙을 실행하려고 테스트 프레임워크가 시작",
	"%s waits for %s, which this same goroutine already holds: %s locked it at %s and, still holding it, made the call at %s that led here. A sync.Mutex is not re-entrant: a goroutine that locks it again waits for itself for ever. Keep the locking in the exported method and move the work into an unexported helper that expects the lock held (a …Locked function); call that instead.": "%s 함수가 %s 뮤텍스를 기다리는데, 이 뮤텍스는 같은 고루틴이 이미 잡고 있습니다. %s 함수가 %s에서 잠그고, 잡은 채로 %s에서 호출을 해서 여기에 이르렀습니다. sync.Mutex는 재진입되지 않습니다. 이미 잡은 뮤텍스를 다시 잠그는 고루틴은 자기 자신을 영원히 기다립니다. 잠그는 일은 공개 메서드에 두고, 실제 일은 락이 잡혀 있다고 가정하는 비공개 도우미 함수(…Locked 함수)로 옮긴 뒤 그 함수를 부르세요.",
	"%s locks %s again at %s while it already holds it since %s. A sync.Mutex is not re-entrant: a goroutine that locks it again waits for itself for ever. Keep the locking in the exported method and move the work into an unexported helper that expects the lock held (a …Locked function); call that instead.":                                                                            "%[1]s 함수가 %[4]s에서 잡은 %[2]s 뮤텍스를 놓지 않은 채 %[3]s에서 다시 잠급니다. sync.Mutex는 재진입되지 않습니다. 이미 잡은 뮤텍스를 다시 잠그는 고루틴은 자기 자신을 영원히 기다립니다. 잠그는 일은 공개 메서드에 두고, 실제 일은 락이 잡혀 있다고 가정하는 비공개 도우미 함수(…Locked 함수)로 옮긴 뒤 그 함수를 부르세요.",
	"%s waits for %s, which the goroutine blocked at %s holds (%s locked it at %s): each waits for the other. Take locks in one order everywhere, or hold only one at a time.":                                                                                                                                                                                                                  "%s 함수가 %s 뮤텍스를 기다리는데, 이 뮤텍스는 %s에서 멈춰 있는 고루틴이 잡고 있습니다(%s 함수가 %s에서 잠갔습니다). 두 고루틴이 서로를 기다립니다. 락은 어디서나 같은 순서로 잡거나, 한 번에 하나만 잡으세요.",
	"No goroutine that is still running holds %s: one that locked it returned or panicked without unlocking it. %s locks it at %s and unlocks it at line %d without defer: if anything in between panics or returns, Unlock never runs. Write defer %s.Unlock() right after the Lock.":                                                                                                          "아직 실행 중인 고루틴 가운데 %s 뮤텍스를 잡고 있는 것은 없습니다. 이 뮤텍스를 잠근 고루틴이 풀지 않은 채 반환했거나 패닉으로 끝났습니다. %s 함수는 %s에서 잠그고 %d번 줄에서 defer 없이 풉니다. 그 사이에서 패닉이 나거나 반환하면 Unlock은 실행되지 않습니다. Lock 바로 다음 줄에 defer %s.Unlock()을 쓰세요.",
	"No goroutine that is still running holds %s: one that locked it returned or panicked without unlocking it. Which one cannot be seen from the goroutines that are left: look for a Lock whose Unlock is not deferred, or a return between Lock and Unlock.":                                                                                                                                 "아직 실행 중인 고루틴 가운데 %s 뮤텍스를 잡고 있는 것은 없습니다. 이 뮤텍스를 잠근 고루틴이 풀지 않은 채 반환했거나 패닉으로 끝났습니다. 어느 고루틴인지는 남은 고루틴만으로는 알 수 없습니다. Unlock을 defer로 하지 않은 Lock이나, Lock과 Unlock 사이의 return을 찾아보세요.",

	"%s %s": "%s: %s",
	"at %s": "위치 %s",
	"inside %s (Go's library), called from the spec at %s": "%s 안(Go 라이브러리), 호출한 곳은 스펙의 %s",

	// What the spec helpers and the runner add under a failure: a race
	// after the spec's own message, a crash on the spec's goroutine, a
	// WaitGroup that went below zero.
	"DATA RACE as well: the race detector saw two goroutines touch the same memory at the same time, and at least one of them wrote it. Fix what the spec says above first: the race may come from the same mistake. The race report names both accesses and where each goroutine started.": "데이터 경쟁도 있습니다: 레이스 디텍터가 두 고루틴이 같은 메모리를 동시에 건드리는 것을 보았고, 그중 적어도 하나는 쓰기였습니다. 위에서 스펙이 말하는 것부터 고치세요. 데이터 경쟁도 같은 실수에서 나왔을 수 있습니다. 레이스 보고서에 두 접근의 위치와 각 고루틴이 시작된 곳이 나옵니다.",
	"PANIC: runtime.Goexit ended the spec's goroutine before the spec had finished.":                                                                                                                                 "패닉: 스펙이 끝나기 전에 runtime.Goexit가 스펙의 고루틴을 끝냈습니다.",
	"Done ran more often than Add: call Add(1) before the go statement, once per goroutine.":                                                                                                                         "Done이 Add보다 더 많이 실행되었습니다. 고루틴마다 한 번씩, go 문 앞에서 Add(1)을 부르세요.",
	"The spec called this unfinished function on a goroutine of its own, where a panic ends the whole program: write the function (the TODO above) and the spec can run.":                                            "스펙이 아직 완성되지 않은 이 함수를 자기 고루틴에서 불렀고, 그런 고루틴에서 난 패닉은 프로그램 전체를 끝냅니다. 위의 TODO에 있는 함수를 작성하면 스펙이 실행될 수 있습니다.",
	"The spec called your code on a goroutine of its own, and your code panicked there: a panic on any goroutine but the spec's main one ends the whole program, so no spec after it could run in the same process.": "스펙이 자기 고루틴에서 여러분 코드를 불렀는데, 거기서 여러분 코드가 패닉을 냈습니다. 스펙의 주 고루틴이 아닌 고루틴에서 난 패닉은 프로그램 전체를 끝내므로, 그 뒤의 스펙은 같은 프로세스에서 실행될 수 없었습니다.",

	// The watch being built on the branch "watch" (single keys, a pass
	// that waits for n): its new sentences, ready for when it routes them
	// through the catalogue.
	"%s: not run: the build did not finish in time. Press r to try again.":                                    "%s: 실행하지 못했습니다. 빌드가 제한 시간 안에 끝나지 않았습니다. r을 눌러 다시 시도하세요.",
	"%s: does not compile. Fix the first error above and save: watch runs it again.":                          "%s: 컴파일되지 않습니다. 위에 나온 첫 번째 오류를 고치고 저장하세요. watch가 다시 실행합니다.",
	"%s: not run: change the lines above to use only what the lesson allows, then save: watch runs it again.": "%s: 실행하지 않았습니다. 위에 나온 줄이 레슨에서 허용하는 것만 쓰도록 고치고 저장하세요. watch가 다시 실행합니다.",
	"Run make lesson-%s again": "make lesson-%s 명령을 다시 실행하세요",
	"Press r to run it again":  "r을 눌러 다시 실행하세요",
	"\n%s; if it says the same, run bin/checker run -v %s to see everything the test binary printed.":                   "\n%s. 결과가 같으면 bin/checker run -v %s 명령으로 테스트 바이너리가 출력한 내용을 모두 보세요.",
	"\nFix the first failure above and save: watch runs it again. The lesson: %s/README.md. Stuck? Press h for a hint.": "\n위에 나온 첫 번째 실패부터 고치고 저장하세요. watch가 다시 실행합니다. 레슨 설명: %s/README.ko.md. 막히면 h를 눌러 힌트를 보세요.",
	"Save a file to run again · h hint · n next lesson · r run again · l list · q quit (each then Enter)":               "파일을 저장하면 다시 실행 · h 힌트 · n 다음 레슨 · r 다시 실행 · l 목록 · q 끝내기 (각각 누른 뒤 Enter)",
	"Save a file to run again · h hint · n next lesson · r run again · l list · q quit":                                 "파일을 저장하면 다시 실행 · h 힌트 · n 다음 레슨 · r 다시 실행 · l 목록 · q 끝내기",
	"That was the last lesson: q to quit.":                                       "마지막 레슨이었습니다. 끝내려면 q를 누르세요.",
	"Press h again for the next hint.":                                           "다음 힌트를 보려면 h를 한 번 더 누르세요.",
	"Lesson %s (%s): running…":                                                   "레슨 %s (%s): 실행 중…",
	"Lesson %s passes! n for next, q to quit":                                    "레슨 %s 통과! 다음 레슨은 n, 끝내려면 q",
	"Lesson %s passes! That was the last lesson: q to quit":                      "레슨 %s 통과! 마지막 레슨이었습니다. 끝내려면 q",
	"(the same code ran before: result from the cache, shown %s after the save)": "(전에 실행한 코드와 같아서 캐시된 결과를 보여 줍니다. 저장하고 %s 뒤)",

	// go vet's findings explained (explain.VetAdvice).
	"an assignment of an atomic operation's result to the variable it changed is a second, plain write that races with the atomic ones: keep only the atomic call.":          "원자적 연산의 결과를 그 연산이 바꾼 변수에 다시 대입하면 원자적이지 않은 쓰기가 한 번 더 일어나고, 이 쓰기가 원자적 쓰기들과 경쟁합니다. 원자적 호출만 남기세요.",
	"this copies a lock (or a value that holds one, such as a sync.WaitGroup): the copy is a separate lock, so whoever uses it guards nothing. Pass and keep it by pointer.": "여기서 락(또는 sync.WaitGroup처럼 락을 품은 값)이 복사됩니다. 복사본은 별개의 락이라서 복사본을 쓰는 쪽은 아무것도 보호하지 못합니다. 포인터로 넘기고 포인터로 보관하세요.",
	"the arguments of a deferred call are evaluated when defer runs, not when the function returns: wrap the call in a func literal to read them at the end.":                "defer로 미룬 호출의 인자는 함수가 반환할 때가 아니라 defer 문이 실행될 때 평가됩니다. 값을 마지막에 읽으려면 호출을 함수 리터럴로 감싸세요.",
	"the response is used before its error is checked: when the error is not nil, the response is nil.":                                                                      "에러를 확인하기 전에 응답을 쓰고 있습니다. 에러가 nil이 아니면 응답은 nil입니다.",
	"a function started here reads a loop variable: pass it as an argument so that each goroutine gets the value it was started for.":                                        "여기서 시작한 함수가 루프 변수를 읽습니다. 고루틴마다 자기 몫의 값을 받도록 그 변수를 인자로 넘기세요.",
	"the cancel function of this context is never called, so the context (and its timer) lives on: call it, usually with defer cancel().":                                    "이 컨텍스트의 cancel 함수를 부르는 곳이 없어서 컨텍스트(와 그 타이머)가 계속 살아 있습니다. cancel을 부르세요. 보통은 defer cancel()로 부릅니다.",
	"the format string and its arguments do not match.":                                                                                          "형식 문자열과 인자가 맞지 않습니다.",
	"the result of this call is thrown away, so the call does nothing useful.":                                                                   "이 호출의 결과를 버리고 있어서 호출이 아무 쓸모가 없습니다.",
	"WaitGroup.Add runs inside the goroutine it counts, so Wait may return before Add has run: call Add before the go statement (or use wg.Go).": "WaitGroup.Add가 자기가 세는 고루틴 안에서 실행되므로, Add가 실행되기도 전에 Wait가 반환할 수 있습니다. Add는 go 문 앞에서 부르세요(또는 wg.Go를 쓰세요).",

	// The parts of a race report's summary (explain.Race), for when it
	// builds its lines through this catalogue.
	"Read":                     "읽기",
	"Write":                    "쓰기",
	"Previous read":            "앞선 읽기",
	"Previous write":           "앞선 쓰기",
	"Atomic read":              "원자적 읽기",
	"Atomic write":             "원자적 쓰기",
	"Previous atomic read":     "앞선 원자적 읽기",
	"Previous atomic write":    "앞선 원자적 쓰기",
	"main goroutine":           "메인 고루틴",
	"goroutine %s":             "고루틴 %s",
	"%s by %s":                 "%[2]s의 %[1]s",
	"goroutine %s was started": "고루틴 %s 시작",
	" at %s":                   ", 위치 %s",

	// How the output reads (run and watch): the pass line's keys in watch.
	"n for next, q to quit": "다음 레슨은 n, 끝내려면 q",

	// reset keeps a copy; solution shows a diff.
	"This puts back, as the kit shipped them (a copy of your work is kept first):\n":               "다음 파일을 처음 받은 그대로 되돌립니다(작업한 내용은 먼저 따로 복사해 둡니다):\n",
	"Your files as they were are kept in %s.\n":                                                    "되돌리기 전의 파일은 %s 디렉터리에 남겨 두었습니다.\n",
	"%s is the same as the solution.\n":                                                            "%s 파일은 답안과 똑같습니다.\n",
	"(the lines with - are yours, those with + the solution's; --full shows the whole solution)\n": "(-로 시작하는 줄은 여러분 코드, +로 시작하는 줄은 답안입니다. 답안 전체는 --full로 볼 수 있습니다)\n",
}
