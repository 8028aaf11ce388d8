package course

// table is the course. Lesson numbers are part of the user interface
// (make lesson-03): never renumber.
var table = []Lesson{
	{
		Number: "01", Dir: "01-goroutines",
		Title:   "Goroutines: start and join",
		TitleKO: "고루틴: 시작하고 기다리기",
		Stubs:   []string{"goroutines.go", "orders.go", "download.go", "market.go"},
		Hints: []Hint{
			{
				EN: "Every task has the same shape: start one goroutine per piece of work with the go statement, then wait for all of them before you return. A sync.WaitGroup does the waiting: Add(1) before each go statement, Done when the goroutine ends, Wait once at the end (or wg.Go(f), which does all three).",
				KO: "모든 과제는 모양이 같습니다. go 문으로 일마다 고루틴을 하나씩 시작하고, 반환하기 전에 모두 기다립니다. 기다리는 일은 sync.WaitGroup이 합니다. go 문마다 그 앞에서 Add(1), 고루틴이 끝날 때 Done, 마지막에 Wait 한 번 (또는 셋을 한꺼번에 해 주는 wg.Go(f)).",
			},
			{
				EN: "Results: make the result slice with its final length before starting the goroutines (make([]Result, len(urls))) and let goroutine i write only element i; no lock is needed and the order is the input order. A log that two goroutines append to is different: guard the append with a sync.Mutex. For PlaceAll, a variable declared before the loop is one variable shared by every goroutine; the range variable of the loop itself is new in each iteration (Go 1.22+).",
				KO: "결과: 고루틴을 시작하기 전에 결과 슬라이스를 최종 길이로 만들고(make([]Result, len(urls))), 고루틴 i는 원소 i에만 쓰게 하세요. 락이 필요 없고 순서도 입력 순서 그대로입니다. 두 고루틴이 append하는 로그는 다릅니다. append를 sync.Mutex로 지키세요. PlaceAll에서 루프 앞에 선언한 변수는 모든 고루틴이 나눠 쓰는 변수 하나지만, 루프의 range 변수는 반복마다 새로 생깁니다(Go 1.22 이상).",
			},
			{
				EN: "Group: a field `wg sync.WaitGroup`; Start does g.wg.Add(1); go func() { defer g.wg.Done(); target(arg) }(); Join does g.wg.Wait(). Pids: pids := make([]int, n), then for i := range n { wg.Go(func() { ready(); pids[i] = os.Getpid() }) }. DownloadAll: for i, url := range urls { wg.Go(func() { results[i] = download(client, url) }) }; wg.Wait(). PlaceAll: for _, order := range orders { wg.Go(func() { place(&order) }) }. Market: a mutex-guarded log func, wg.Go(func() { trade(BuyerSteps, rounds, log) }) and the same for SellerSteps, wg.Wait(), then append CloseLine.",
				KO: "Group: 필드 `wg sync.WaitGroup`. Start는 g.wg.Add(1); go func() { defer g.wg.Done(); target(arg) }(), Join은 g.wg.Wait(). Pids: pids := make([]int, n) 다음 for i := range n { wg.Go(func() { ready(); pids[i] = os.Getpid() }) }. DownloadAll: for i, url := range urls { wg.Go(func() { results[i] = download(client, url) }) }; wg.Wait(). PlaceAll: for _, order := range orders { wg.Go(func() { place(&order) }) }. Market: 뮤텍스로 지킨 log 함수, wg.Go(func() { trade(BuyerSteps, rounds, log) })와 SellerSteps도 똑같이, wg.Wait(), 그다음 CloseLine을 append.",
			},
		},
	},
	{
		Number: "02", Dir: "02-thread",
		Title:   "A Python-like Thread",
		TitleKO: "파이썬을 닮은 Thread",
		Stubs:   []string{"thread.go"},
		Hints: []Hint{
			{
				EN: "A Thread is one goroutine plus bookkeeping. Everything that changes after New (state, ident, the panic) is written by one goroutine and read by others: keep it behind one sync.Mutex. The moment the target ends is best told by a channel.",
				KO: "Thread는 고루틴 하나에 장부를 붙인 것입니다. New 뒤에 바뀌는 것(상태, ident, 패닉)은 한 고루틴이 쓰고 다른 고루틴들이 읽으니 sync.Mutex 하나 뒤에 두세요. target이 끝나는 순간은 채널로 알리는 것이 가장 좋습니다.",
			},
			{
				EN: "Make done := make(chan struct{}) in New and close it when the target has ended: Join is then just <-t.done, and every joiner wakes at once. Start must check and change the state in one locked step (refuse unless StateNew, set StateRunning, take the next ident from a package-level atomic.Uint64) before the go statement, so IsAlive is true as soon as Start returns.",
				KO: "New에서 done := make(chan struct{})를 만들고 target이 끝나면 닫으세요. 그러면 Join은 <-t.done 한 줄이고, join하던 고루틴이 모두 한꺼번에 깨어납니다. Start는 go 문 전에 락을 잡은 한 단계 안에서 상태를 확인하고 바꿔야 합니다(StateNew가 아니면 거절, StateRunning으로, 패키지 수준 atomic.Uint64에서 다음 ident). 그래야 Start가 돌아오자마자 IsAlive가 true입니다.",
			},
			{
				EN: "JoinTimeout: first select { case <-t.done: return true, nil; default: }, return false if d <= 0, then select on t.done and a time.NewTimer(d).C. Panics: in the goroutine, defer func() { if v := recover(); v != nil { store &PanicError{Thread: t.name, Value: v, Stack: debug.Stack()} and call ExceptHook }; lock, set StateDead, unlock; close(t.done) }(). Err must return a literal nil when nothing was stored, never a nil *PanicError.",
				KO: "JoinTimeout: 먼저 select { case <-t.done: return true, nil; default: }로 살펴보고, d <= 0이면 false를 돌려준 뒤, t.done과 time.NewTimer(d).C를 select로 기다립니다. 패닉: 고루틴 안에서 defer func() { if v := recover(); v != nil { &PanicError{Thread: t.name, Value: v, Stack: debug.Stack()}를 저장하고 ExceptHook 호출 }; 락을 잡고 StateDead로 바꾸고 풀기; close(t.done) }()를 씁니다. 저장된 것이 없으면 Err는 nil *PanicError가 아니라 그냥 nil을 돌려줘야 합니다.",
			},
		},
	},
	{
		Number: "03", Dir: "03-daemon",
		Title:   "Daemon work and the end of main",
		TitleKO: "데몬 작업과 main의 끝",
		Stubs:   []string{"supervisor.go", "monitor.go"},
		Hints: []Hint{
			{
				EN: "Go has no daemon flag: when main returns, every goroutine dies. The Supervisor must do by hand what Python does at exit: wait for the work that matters, and tell the background work to stop. Waiting is a sync.WaitGroup; telling is cancelling a context.",
				KO: "Go에는 데몬 플래그가 없어서 main이 반환하면 모든 고루틴이 죽습니다. Supervisor는 파이썬이 종료 시점에 해 주던 일을 직접 해야 합니다. 중요한 작업은 기다리고, 백그라운드 작업에는 멈추라고 알리는 것이죠. 기다리는 것은 sync.WaitGroup, 알리는 것은 context 취소입니다.",
			},
			{
				EN: "Keep two WaitGroups, one for Go's tasks and one for the daemons, and in New make the daemons' context with context.WithCancel(ctx). Shutdown is three steps in this order: wait for the work, cancel, wait for the daemons. Monitor is a time.Ticker (stopped with defer ticker.Stop()) and a for loop around a select on ctx.Done() and ticker.C.",
				KO: "WaitGroup을 두 개 두세요. 하나는 Go의 작업용, 하나는 데몬용입니다. New에서는 context.WithCancel(ctx)로 데몬의 context를 만드세요. Shutdown은 이 순서의 세 단계입니다: 작업을 기다리고, 취소하고, 데몬을 기다린다. Monitor는 time.Ticker(defer ticker.Stop()으로 멈춤)와, ctx.Done()과 ticker.C를 select하는 for 루프입니다.",
			},
			{
				EN: "Go and Daemon share one helper: lock the mutex; if the shutdown flag is set return ErrShutdown; otherwise wg.Go(func() { f(ctx) }) and return nil, unlocking after. Shutdown: lock, set the flag, unlock; s.work.Wait(); s.cancel(); s.daemons.Wait(). Monitor: for { select { case <-ctx.Done(): return; case t := <-ticker.C: check(t) } }.",
				KO: "Go와 Daemon은 도우미 하나를 같이 씁니다: 뮤텍스를 잠그고, 종료 플래그가 서 있으면 ErrShutdown을 반환하고, 아니면 wg.Go(func() { f(ctx) }) 후 nil을 반환하며 잠금을 풉니다. Shutdown: 잠그고 플래그를 세우고 풀기; s.work.Wait(); s.cancel(); s.daemons.Wait(). Monitor: for { select { case <-ctx.Done(): return; case t := <-ticker.C: check(t) } }.",
			},
		},
	},
	{
		Number: "04", Dir: "04-lock",
		Title:   "Lock: one at a time",
		TitleKO: "Lock: 한 번에 하나씩",
		Stubs:   []string{"lock.go", "account.go"},
		Hints: []Hint{
			{
				EN: "Start with Account: put a sync.Mutex field next to balance, and begin every method with a.mu.Lock() followed by defer a.mu.Unlock(). For Lock, think of a channel with room for exactly one token: sending the token in takes the lock, receiving it back releases it.",
				KO: "Account부터 시작하세요. balance 옆에 sync.Mutex 필드를 두고, 모든 메서드를 a.mu.Lock() 다음 defer a.mu.Unlock()으로 시작하세요. Lock은 토큰 하나만 들어가는 채널을 떠올려 보세요. 토큰을 보내 넣으면 락을 잡고, 다시 꺼내면 락을 놓습니다.",
			},
			{
				EN: "Lock needs the channel even when it is a zero value: keep `once sync.Once` and `slot chan struct{}` fields and a small method ch() that does l.once.Do(func() { l.slot = make(chan struct{}, 1) }) and returns l.slot. Acquire is a plain send; Locked is len(ch) == 1; every other method is a select.",
				KO: "Lock은 제로 값일 때도 채널이 필요합니다. `once sync.Once`와 `slot chan struct{}` 필드를 두고, l.once.Do(func() { l.slot = make(chan struct{}, 1) })를 한 뒤 l.slot을 돌려주는 작은 메서드 ch()를 만드세요. Acquire는 그냥 보내기이고, Locked는 len(ch) == 1이며, 나머지 메서드는 모두 select입니다.",
			},
			{
				EN: "TryAcquire: select { case ch <- struct{}{}: return true; default: return false }. Release: select { case <-ch: return nil; default: return ErrNotLocked }. AcquireContext: select on the send and on <-ctx.Done() (return ctx.Err()).",
				KO: "TryAcquire: select { case ch <- struct{}{}: return true; default: return false }. Release: select { case <-ch: return nil; default: return ErrNotLocked }. AcquireContext: 보내기와 <-ctx.Done()을 함께 select하고, 후자면 ctx.Err()를 돌려주세요.",
			},
			{
				EN: "AcquireTimeout: first `if l.TryAcquire() { return true }`, then `if d <= 0 { return false }`, then t := time.NewTimer(d); defer t.Stop(); select on the send (true) and <-t.C (false). Trying first matters: when both select cases are ready Go picks one at random. No loops and no time.Sleep anywhere.",
				KO: "AcquireTimeout: 먼저 `if l.TryAcquire() { return true }`, 다음 `if d <= 0 { return false }`, 그리고 t := time.NewTimer(d); defer t.Stop() 뒤에 보내기(true)와 <-t.C(false)를 select하세요. 먼저 시도하는 것이 중요합니다. 두 case가 모두 준비되면 Go는 무작위로 하나를 고릅니다. 반복문이나 time.Sleep은 어디에도 필요 없습니다.",
			},
		},
	},
	{
		Number: "05", Dir: "05-rlock",
		Title:   "Re-entrant locking, and why Go avoids it",
		TitleKO: "재진입 락, 그리고 Go가 그것을 피하는 이유",
		Stubs:   []string{"rlock.go", "stock.go", "board.go"},
		Hints: []Hint{
			{
				EN: "Three separate jobs. RLock needs to remember two things, who holds it and how many times; Stock needs no new lock at all, only a different way of calling its own code; Board needs a sync.RWMutex, whose RLock is a read lock, not Python's RLock.",
				KO: "세 가지 일이 따로 있습니다. RLock은 누가 잡았는지와 몇 번 잡았는지 두 가지를 기억해야 합니다. Stock에는 새 락이 전혀 필요 없고, 자기 코드를 부르는 방식만 바꾸면 됩니다. Board에는 sync.RWMutex가 필요한데, 그 RLock은 파이썬의 RLock이 아니라 읽기 락입니다.",
			},
			{
				EN: "RLock: guard owner and count with a sync.Mutex that you never hold while waiting. If count > 0 and the owner is the caller, count++ and return; otherwise wait until count is 0. Release checks count == 0 (ErrNotHeld), then owner (ErrNotOwner), then counts down. Stock: Restock and Sell hold s.mu and call Add and Count, which lock s.mu again; give those bodies to addLocked and countLocked.",
				KO: "RLock: owner와 count를 sync.Mutex로 보호하되, 기다리는 동안에는 그 뮤텍스를 잡고 있지 마세요. count > 0이고 owner가 호출자이면 count++ 후 반환하고, 아니면 count가 0이 될 때까지 기다립니다. Release는 count == 0(ErrNotHeld), 그다음 owner(ErrNotOwner)를 확인하고 카운트를 내립니다. Stock: Restock과 Sell은 s.mu를 잡은 채로 s.mu를 다시 잠그는 Add와 Count를 부릅니다. 그 본문을 addLocked와 countLocked에 주세요.",
			},
			{
				EN: "A waiting scheme for RLock: a field free chan struct{}. A waiter, holding l.mu, makes it if nil, copies it, unlocks l.mu, then selects on <-free and <-ctx.Done() (Acquire is AcquireContext with context.Background()); after waking it locks l.mu and loops to look again. Release, when count reaches 0, closes free and sets it to nil. Board: mu sync.RWMutex; View does b.mu.RLock(); defer b.mu.RUnlock(); fn(b.prices). Update does b.mu.Lock(); defer b.mu.Unlock(), makes the map if nil, calls fn.",
				KO: "RLock을 기다리는 한 가지 방법: free chan struct{} 필드. 기다리는 쪽은 l.mu를 잡은 상태에서 free가 nil이면 만들고, 복사해 두고, l.mu를 푼 다음 <-free와 <-ctx.Done()을 select합니다(Acquire는 context.Background()로 부르는 AcquireContext). 깨어나면 l.mu를 잡고 루프를 돌아 다시 확인합니다. Release는 count가 0이 되면 free를 닫고 nil로 만듭니다. Board: mu sync.RWMutex. View는 b.mu.RLock(); defer b.mu.RUnlock(); fn(b.prices). Update는 b.mu.Lock(); defer b.mu.Unlock() 후 맵이 nil이면 만들고 fn을 부릅니다.",
			},
		},
	},
	{
		Number: "06", Dir: "06-races",
		Title:   "Race conditions",
		TitleKO: "경쟁 상태",
		Stubs:   []string{"races.go", "account.go", "lazy.go", "registry.go"},
		Hints: []Hint{
			{
				EN: "Every stub reads shared state, then writes something that depends on what it read. Find that gap in each method: the hook (Yield, Between, the build function) is called right in it. Either nobody else may get in while one goroutine is in the gap, or the gap must disappear.",
				KO: "모든 스텁은 공유 상태를 읽은 뒤, 읽은 값에 따라 무언가를 씁니다. 각 메서드에서 그 틈을 찾으세요. 훅(Yield, Between, 빌드 함수)이 바로 그 틈에서 불립니다. 한 고루틴이 틈 안에 있는 동안 아무도 끼어들지 못하게 하거나, 틈 자체를 없애야 합니다.",
			},
			{
				EN: "One tool per file. races.go: an atomic.Int64 whose Add has no gap at all. account.go: a sync.Mutex held from the check to the update, Between included (lock at the top of Withdraw, defer the unlock). lazy.go: a sync.Once. registry.go: a mutex around the whole of Register, or a sync.Map with LoadOrStore. Value, Balance, Lookup and Len must use the same protection as the writers.",
				KO: "파일마다 도구 하나씩입니다. races.go: Add에 틈이 전혀 없는 atomic.Int64. account.go: 확인부터 갱신까지, Between까지 포함해서 쥐고 있는 sync.Mutex(Withdraw 맨 위에서 잠그고 defer로 풀기). lazy.go: sync.Once. registry.go: Register 전체를 감싸는 뮤텍스, 또는 LoadOrStore를 쓰는 sync.Map. Value, Balance, Lookup, Len도 쓰는 쪽과 같은 보호를 써야 합니다.",
			},
			{
				EN: "Counter: field `n atomic.Int64`; Inc is `c.n.Add(1)`, Value is `return c.n.Load()`. Account: field `mu sync.Mutex`; each method starts with `a.mu.Lock(); defer a.mu.Unlock()` and keeps the stub's body. Lazy: field `once sync.Once` instead of done; Get is `l.once.Do(func() { l.value = l.build() }); return l.value`. Registry: field `mu sync.Mutex`; Register, Lookup and Len each start with `r.mu.Lock(); defer r.mu.Unlock()` and keep the stub's body.",
				KO: "Counter: 필드 `n atomic.Int64`. Inc는 `c.n.Add(1)`, Value는 `return c.n.Load()`. Account: 필드 `mu sync.Mutex`. 각 메서드를 `a.mu.Lock(); defer a.mu.Unlock()`으로 시작하고 스텁 본문은 그대로 둡니다. Lazy: done 대신 필드 `once sync.Once`. Get은 `l.once.Do(func() { l.value = l.build() }); return l.value`. Registry: 필드 `mu sync.Mutex`. Register, Lookup, Len을 각각 `r.mu.Lock(); defer r.mu.Unlock()`으로 시작하고 스텁 본문은 그대로 둡니다.",
			},
		},
	},
}
