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
				KO: "결과: 고루틴을 시작하기 전에 결과 슬라이스를 최종 길이로 만들고(make([]Result, len(urls))), 고루틴 i는 원소 i에만 쓰게 하세요. 락이 필요 없고 순서도 입력 순서 그대로입니다. 여러 고루틴이 함께 append하는 로그는 사정이 다릅니다. append를 sync.Mutex로 보호하세요. PlaceAll에서 루프 앞에 선언한 변수는 모든 고루틴이 나눠 쓰는 변수 하나지만, 루프의 range 변수는 반복마다 새로 생깁니다(Go 1.22 이상).",
			},
			{
				EN: "Group: a field `wg sync.WaitGroup`; Start does g.wg.Add(1); go func() { defer g.wg.Done(); target(arg) }(); Join does g.wg.Wait(). Pids: pids := make([]int, n), then for i := range n { wg.Go(func() { ready(); pids[i] = os.Getpid() }) }. DownloadAll: for i, url := range urls { wg.Go(func() { results[i] = download(client, url) }) }; wg.Wait(). PlaceAll: for _, order := range orders { wg.Go(func() { place(&order) }) }. Market: a mutex-guarded log func, wg.Go(func() { trade(BuyerSteps, rounds, log) }) and the same for SellerSteps, wg.Wait(), then append CloseLine.",
				KO: "Group: 필드 `wg sync.WaitGroup`. Start는 g.wg.Add(1); go func() { defer g.wg.Done(); target(arg) }(), Join은 g.wg.Wait(). Pids: pids := make([]int, n) 다음 for i := range n { wg.Go(func() { ready(); pids[i] = os.Getpid() }) }. DownloadAll: for i, url := range urls { wg.Go(func() { results[i] = download(client, url) }) }; wg.Wait(). PlaceAll: for _, order := range orders { wg.Go(func() { place(&order) }) }. Market: 뮤텍스로 보호하는 log 함수, wg.Go(func() { trade(BuyerSteps, rounds, log) })와 SellerSteps도 똑같이, wg.Wait(), 그다음 CloseLine을 append.",
			},
		},
	},
	{
		Number: "02", Dir: "02-thread",
		Title:   "A Python-like Thread",
		TitleKO: "파이썬을 닮은 Thread",
		Stubs:   []string{"thread.go"},
		Allow:   []string{"runtime/debug.Stack"},
		Hints: []Hint{
			{
				EN: "A Thread is one goroutine plus bookkeeping. Everything that changes after New (state, ident, the panic) is written by one goroutine and read by others: keep it behind one sync.Mutex. The moment the target ends is best told by a channel.",
				KO: "Thread는 고루틴 하나에 관리용 정보를 덧붙인 것입니다. New 뒤에 바뀌는 값(상태, ident, 패닉)은 한 고루틴이 쓰고 다른 고루틴들이 읽으니 모두 sync.Mutex 하나로 보호하세요. target이 끝나는 순간은 채널로 알리는 것이 가장 좋습니다.",
			},
			{
				EN: "Make done := make(chan struct{}) in New and close it when the target has ended: Join is then just <-t.done, and every joiner wakes at once. Start must check and change the state in one locked step (refuse unless StateNew, set StateRunning, take the next ident from a package-level atomic.Uint64) before the go statement, so IsAlive is true as soon as Start returns.",
				KO: "New에서 done := make(chan struct{})를 만들고 target이 끝나면 닫으세요. 그러면 Join은 <-t.done 한 줄이고, Join으로 기다리던 고루틴이 모두 한꺼번에 깨어납니다. Start는 go 문보다 먼저, 락을 한 번 잡은 상태에서 상태 확인과 변경을 함께 해야 합니다(StateNew가 아니면 거절하고, StateRunning으로 바꾸고, 패키지 수준 atomic.Uint64에서 다음 ident를 받습니다). 그래야 Start가 돌아오자마자 IsAlive가 true입니다.",
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
				KO: "WaitGroup을 두 개 두세요. 하나는 Go의 작업용, 하나는 데몬용입니다. New에서는 context.WithCancel(ctx)로 데몬의 context를 만드세요. Shutdown은 세 단계를 이 순서대로 밟습니다. 작업을 기다리고, 취소하고, 데몬을 기다립니다. Monitor는 time.Ticker(defer ticker.Stop()으로 멈춤)와, ctx.Done()과 ticker.C를 select하는 for 루프입니다.",
			},
			{
				EN: "Go and Daemon share one helper: lock the mutex; if the shutdown flag is set return ErrShutdown; otherwise wg.Go(func() { f(ctx) }) and return nil, unlocking after. Shutdown: lock, set the flag, unlock; s.work.Wait(); s.cancel(); s.daemons.Wait(). Monitor: for { select { case <-ctx.Done(): return; case t := <-ticker.C: if ctx.Err() != nil { return }; check(t) } } (when a tick and the cancel are both ready, select picks either, so look at ctx again before checking).",
				KO: "Go와 Daemon은 도우미 함수 하나를 같이 씁니다. 뮤텍스를 잠그고, 종료 플래그가 켜져 있으면 ErrShutdown을 반환하고, 아니면 wg.Go(func() { f(ctx) }) 후 nil을 반환하며 잠금을 풉니다. Shutdown: 잠그고 플래그를 켜고 풀기; s.work.Wait(); s.cancel(); s.daemons.Wait(). Monitor: for { select { case <-ctx.Done(): return; case t := <-ticker.C: if ctx.Err() != nil { return }; check(t) } } (틱과 취소가 함께 준비되면 select는 아무 쪽이나 고르므로 check를 부르기 전에 ctx를 다시 확인하세요).",
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
				KO: "TryAcquire: select { case ch <- struct{}{}: return true; default: return false }. Release: select { case <-ch: return nil; default: return ErrNotLocked }. AcquireContext: 보내기와 <-ctx.Done()을 함께 select하고, ctx 쪽이 먼저 오면 ctx.Err()를 돌려주세요.",
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
		TitleKO: "재진입 락과 Go가 그것을 피하는 이유",
		Stubs:   []string{"rlock.go", "stock.go", "board.go"},
		Hints: []Hint{
			{
				EN: "Three separate jobs. RLock needs to remember two things, who holds it and how many times; Stock needs no new lock at all, only a different way of calling its own code; Board needs a sync.RWMutex, whose RLock is a read lock, not Python's RLock.",
				KO: "서로 다른 과제가 세 가지입니다. RLock은 누가 잡았는지와 몇 번 잡았는지를 기억해야 합니다. Stock에는 새 락이 전혀 필요 없고, 자기 메서드를 부르는 방식만 바꾸면 됩니다. Board에는 sync.RWMutex가 필요한데, 그 RLock은 파이썬의 RLock이 아니라 읽기 락입니다.",
			},
			{
				EN: "RLock: guard owner and count with a sync.Mutex that you never hold while waiting. If count > 0 and the owner is the caller, count++ and return; otherwise wait until count is 0. Release checks count == 0 (ErrNotHeld), then owner (ErrNotOwner), then counts down. Stock: Restock and Sell hold s.mu and call Add and Count, which lock s.mu again; give those bodies to addLocked and countLocked.",
				KO: "RLock: owner와 count를 sync.Mutex로 보호하되, 기다리는 동안에는 그 뮤텍스를 잡고 있지 마세요. count > 0이고 owner가 호출자이면 count++ 후 반환하고, 아니면 count가 0이 될 때까지 기다립니다. Release는 count == 0(ErrNotHeld), 그다음 owner(ErrNotOwner)를 확인하고 카운트를 내립니다. Stock: Restock과 Sell은 s.mu를 잡은 채로 Add와 Count를 부르는데, 이 둘이 s.mu를 다시 잠급니다. Add와 Count의 본문을 addLocked와 countLocked로 옮기세요.",
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
				KO: "파일마다 도구 하나씩입니다. races.go: Add에 틈이 전혀 없는 atomic.Int64. account.go: 확인부터 갱신까지 Between을 포함한 구간 내내 잡고 있는 sync.Mutex(Withdraw 맨 위에서 잠그고 defer로 풀기). lazy.go: sync.Once. registry.go: Register 전체를 감싸는 뮤텍스, 또는 LoadOrStore를 쓰는 sync.Map. 읽는 쪽인 Value, Balance, Lookup, Len도 쓰는 쪽과 같은 방법으로 보호해야 합니다.",
			},
			{
				EN: "Counter: field `n atomic.Int64`; Inc is `c.n.Add(1)`, Value is `return c.n.Load()`. Account: field `mu sync.Mutex`; each method starts with `a.mu.Lock(); defer a.mu.Unlock()` and keeps the stub's body. Lazy: field `once sync.Once` instead of done; Get is `l.once.Do(func() { l.value = l.build() }); return l.value`. Registry: field `mu sync.Mutex`; Register, Lookup and Len each start with `r.mu.Lock(); defer r.mu.Unlock()` and keep the stub's body.",
				KO: "Counter: 필드 `n atomic.Int64`. Inc는 `c.n.Add(1)`, Value는 `return c.n.Load()`. Account: 필드 `mu sync.Mutex`. 각 메서드를 `a.mu.Lock(); defer a.mu.Unlock()`으로 시작하고 스텁 본문은 그대로 둡니다. Lazy: done 대신 필드 `once sync.Once`. Get은 `l.once.Do(func() { l.value = l.build() }); return l.value`. Registry: 필드 `mu sync.Mutex`. Register, Lookup, Len을 각각 `r.mu.Lock(); defer r.mu.Unlock()`으로 시작하고 스텁 본문은 그대로 둡니다.",
			},
		},
	},
	{
		Number: "07", Dir: "07-pool",
		Title:   "Pool.map: a bounded set of workers",
		TitleKO: "Pool.map: 일꾼 수를 정한 풀",
		Stubs:   []string{"pool.go", "unordered.go", "executor.go"},
		Hints: []Hint{
			{
				EN: "A pool is n goroutines (the workers) that each loop: take the next piece of work, do it, go back for more. Hand out the work through a channel: a worker that finishes early simply takes the next item, and at most n calls run at once because there are only n workers. For n <= 0 use runtime.NumCPU().",
				KO: "풀은 n개의 고루틴(일꾼)이고, 각 일꾼은 다음 일을 가져와 처리하고 다시 가지러 가기를 반복합니다. 일은 채널로 나눠 주세요. 일찍 끝난 일꾼은 그냥 다음 항목을 가져가고, 일꾼이 n개뿐이니 동시에 도는 호출도 최대 n개입니다. n <= 0이면 runtime.NumCPU()를 쓰세요.",
			},
			{
				EN: "Map: results := make([]R, len(items)); next := make(chan int); start min(n, len(items)) workers with wg.Go, each doing `for i := range next { results[i] = f(items[i]) }`; send every index, close(next), wg.Wait(). Writing to your own index needs no lock; appending to a shared slice does, and gives the wrong order anyway. MapUnordered is the same shape, but the workers send each result on an out channel, and a goroutine of its own feeds the items, waits for the workers and then closes out.",
				KO: "Map: results := make([]R, len(items)); next := make(chan int)를 만들고 wg.Go로 min(n, len(items))개의 일꾼을 띄워 각각 `for i := range next { results[i] = f(items[i]) }`를 돌게 하세요. 모든 인덱스를 보낸 뒤 close(next), wg.Wait()입니다. 자기 인덱스에 쓰는 데는 락이 필요 없지만, 공유 슬라이스에 append하면 락이 필요하고 순서도 뒤섞입니다. MapUnordered도 모양은 같습니다. 다만 일꾼은 결과를 out 채널로 보내고, 별도 고루틴 하나가 항목을 나눠 주고 일꾼들을 기다린 다음 out을 닫습니다.",
			},
			{
				EN: "Cancellation: ctx, cancel := context.WithCancelCause(ctx); a worker whose call fails does cancel(err) and returns; every worker checks `if ctx.Err() != nil { return }` before calling f; the feeding loop selects on `next <- i` and `<-ctx.Done()`; after wg.Wait() return context.Cause(ctx) if it is not nil (the first cause wins, so it is the first error, or ctx's own error). In MapUnordered every send of a result is a select with <-ctx.Done() too, or a worker waits for ever for a caller that left.",
				KO: "취소: ctx, cancel := context.WithCancelCause(ctx)를 만드세요. 호출이 실패한 일꾼은 cancel(err) 후 반환하고, 모든 일꾼은 f를 부르기 전에 `if ctx.Err() != nil { return }`을 확인합니다. 나눠 주는 반복문은 `next <- i`와 `<-ctx.Done()`을 select합니다. wg.Wait() 뒤에 context.Cause(ctx)가 nil이 아니면 그것을 반환하세요(처음 원인만 남으므로 첫 번째 에러이거나 ctx 자신의 에러입니다). MapUnordered에서는 결과를 보내는 것도 모두 <-ctx.Done()과 함께 select해야 합니다. 그렇지 않으면 떠나 버린 호출자를 일꾼이 영원히 기다립니다.",
			},
			{
				EN: "Executor: fields mu sync.Mutex, ready sync.Cond (ready.L = &mu), queue []func(), shut bool, workers sync.WaitGroup. A worker locks mu and loops: `for len(queue) == 0 && !shut { ready.Wait() }`; if the queue is empty return; else pop the first task, unlock, run it, lock again. Submit: under mu, return nil, ErrShutdown if shut; else append a func that sets the Future's value and err and closes its done channel, and ready.Signal(). Shutdown: under mu set shut; ready.Broadcast(); if wait, workers.Wait(). A Future is a done channel plus the value and error; Result is <-done then return them.",
				KO: "Executor: 필드는 mu sync.Mutex, ready sync.Cond(ready.L = &mu), queue []func(), shut bool, workers sync.WaitGroup입니다. 일꾼은 mu를 잡고 반복합니다: `for len(queue) == 0 && !shut { ready.Wait() }`; 큐가 비었으면 반환하고, 아니면 첫 작업을 꺼내 락을 풀고 실행한 뒤 다시 잡습니다. Submit: mu를 잡은 채로 shut이면 nil, ErrShutdown을 반환하고, 아니면 Future의 값과 에러를 채우고 done 채널을 닫는 함수를 큐에 넣은 뒤 ready.Signal()을 부릅니다. Shutdown: mu를 잡고 shut을 true로 바꾸고, ready.Broadcast(), wait이면 workers.Wait()입니다. Future는 done 채널과 값, 에러이고, Result는 <-done 후 그것들을 돌려줍니다.",
			},
		},
	},
	{
		Number: "08", Dir: "08-queue",
		Title:   "Queue: producers and consumers",
		TitleKO: "Queue: 생산자와 소비자",
		Stubs:   []string{"queue.go", "pipeline.go"},
		Hints: []Hint{
			{
				EN: "Keep the items in a slice (put appends at the back, get takes items[0]) and guard every field with one sync.Mutex, in every method, Len and TaskDone included. The hard part is waiting: a Get on an empty queue must sleep until a Put (or Close) wakes it, and it must be able to give up on a timer or a context, so it has to wait on a channel in a select.",
				KO: "항목은 슬라이스에 두세요(put은 뒤에 붙이고, get은 items[0]을 꺼냅니다). 그리고 Len과 TaskDone을 포함해 모든 메서드에서 모든 필드를 sync.Mutex 하나로 보호하세요. 어려운 부분은 기다리기입니다. 빈 큐에서 Get은 Put(또는 Close)이 깨울 때까지 잠들어야 하고, 타이머나 컨텍스트로 포기할 수도 있어야 하므로 select 안에서 채널을 기다려야 합니다.",
			},
			{
				EN: "A closed channel wakes every receiver at once: that is your broadcast. Keep a `hasItems chan struct{}` (and `hasRoom`, and `finished` for Join). A waiter, holding the lock, checks its condition; if it is not met it copies the current channel, unlocks, and selects on that channel and on ctx.Done(); then it locks and checks again, in a loop. Whoever changes the queue calls close(q.hasItems); q.hasItems = make(chan struct{}) under the lock. Close wakes both kinds of waiter.",
				KO: "닫힌 채널은 모든 수신자를 한꺼번에 깨웁니다. 이것이 브로드캐스트입니다. `hasItems chan struct{}`(그리고 `hasRoom`, Join을 위한 `finished`)를 두세요. 기다리는 쪽은 락을 잡은 채 조건을 확인하고, 맞지 않으면 현재 채널을 복사해 두고 락을 푼 뒤 그 채널과 ctx.Done()을 select합니다. 그다음 다시 락을 잡고 반복해서 확인합니다. 큐를 바꾸는 쪽은 락을 잡은 채 close(q.hasItems); q.hasItems = make(chan struct{})를 호출합니다. Close는 두 종류의 대기자를 모두 깨웁니다.",
			},
			{
				EN: "Write PutContext and GetContext once; everything else calls them. Put is PutContext(context.Background(), v) (its Done channel is nil, so it never fires). PutTimeout makes ctx, cancel := context.WithTimeout(context.Background(), d) and turns context.DeadlineExceeded into ErrFull; TryPut is PutTimeout(v, 0), which works because the loop checks for room before it ever selects. In GetContext check for an item before checking closed, so Get drains a closed queue.",
				KO: "PutContext와 GetContext를 한 번만 작성하고 나머지는 모두 이들을 부르게 하세요. Put은 PutContext(context.Background(), v)입니다(Done 채널이 nil이라 절대 오지 않습니다). PutTimeout은 ctx, cancel := context.WithTimeout(context.Background(), d)를 만들고 context.DeadlineExceeded를 ErrFull로 바꿉니다. TryPut은 PutTimeout(v, 0)인데, 반복문이 select하기 전에 먼저 자리를 확인하기 때문에 동작합니다. GetContext에서는 closed보다 항목을 먼저 확인해야 닫힌 큐도 끝까지 비워집니다.",
			},
			{
				EN: "Pipeline: out := make(chan R); var wg sync.WaitGroup; start max(workers, 1) goroutines with wg.Go, each looping: select { case <-ctx.Done(): return; case v, ok := <-in: if !ok { return }; select { case out <- f(v): case <-ctx.Done(): return } }. Then go func() { wg.Wait(); close(out) }() and return out. Merge is the same loop with one goroutine per input and no f. TaskDone: under the lock, return ErrTooManyTaskDone if the count is already 0, else decrement it and wake Join when it reaches 0.",
				KO: "Pipeline: out := make(chan R); var wg sync.WaitGroup; wg.Go로 max(workers, 1)개의 고루틴을 띄우고, 각각 select { case <-ctx.Done(): return; case v, ok := <-in: if !ok { return }; select { case out <- f(v): case <-ctx.Done(): return } }를 반복하게 하세요. 그다음 go func() { wg.Wait(); close(out) }()를 하고 out을 돌려줍니다. Merge는 입력마다 고루틴 하나씩, f 없이 같은 반복문입니다. TaskDone: 락을 잡고, 카운트가 이미 0이면 ErrTooManyTaskDone을 돌려주고, 아니면 하나 줄인 뒤 0이 되면 Join을 깨우세요.",
			},
		},
	},
	{
		Number: "09", Dir: "09-pipe",
		Title:   "Pipe: two ends of a conversation",
		TitleKO: "Pipe: 대화의 양 끝",
		Stubs:   []string{"pipe.go", "stream.go", "process.go"},
		Allow:   []string{"os/exec", "os.Pipe", "os.NewFile"},
		Hints: []Hint{
			{
				EN: "Start with pipe.go. A two-way pipe is two one-way channels, one per direction, crossed over: what a sends on, b receives from, and the other way round. Make them buffered with room for Capacity messages. Then give each end a `closed chan struct{}` that its Close closes, and let each end know the other's, so that every wait can also hear a hang-up.",
				KO: "pipe.go부터 시작하세요. 양방향 파이프는 방향마다 하나씩, 서로 엇갈려 연결된 단방향 채널 두 개입니다. a가 보내는 채널에서 b가 받고, 반대도 마찬가지입니다. 채널은 Capacity개의 메시지가 들어가도록 버퍼를 두세요. 각 끝에는 Close가 닫는 `closed chan struct{}`를 두고 상대 끝의 closed 채널도 알게 해서, 기다리는 곳마다 상대가 끊은 것을 알아챌 수 있게 하세요.",
			},
			{
				EN: "Send: return ErrClosed if either closed channel is already closed (a select with a default), else select { case out <- bytes.Clone(msg): ...; case <-closed: ...; case <-peerClosed: ... }. Recv: ErrClosed first if this end is closed, then select on in, closed and peerClosed; when peerClosed fires, try one more non-blocking receive from in before returning io.EOF, so nothing sent before the close is lost. Close: sync.Once around close(closed). Receiver and Sender just wrap a *Conn from Pipe().",
				KO: "Send: 두 closed 채널 중 하나라도 이미 닫혔으면 ErrClosed를 돌려주고(default가 있는 select), 아니면 select { case out <- bytes.Clone(msg): ...; case <-closed: ...; case <-peerClosed: ... }. Recv: 이 끝이 닫혔으면 먼저 ErrClosed, 그다음 in, closed, peerClosed를 select하세요. peerClosed가 오면 io.EOF를 돌려주기 전에 in에서 막히지 않는 받기를 한 번 더 시도해야 닫기 전에 보낸 메시지를 잃지 않습니다. Close: close(closed)를 sync.Once로 감싸세요. Receiver와 Sender는 Pipe()가 만든 *Conn을 감싸기만 하면 됩니다.",
			},
			{
				EN: "stream.go: a frame is 4 bytes of length (binary.BigEndian.PutUint32 / Uint32) and the message. Send builds the whole frame in one slice and writes it holding sendMu. Recv, holding recvMu: io.ReadFull(r, header[:]) (return its error as is: io.EOF means a clean end), reject n > MaxMessage with ErrTooLarge BEFORE make([]byte, n), then io.ReadFull(r, msg) and turn an io.EOF there into io.ErrUnexpectedEOF. Use an atomic.Bool for closed; Close closes w, then r, when they are io.Closers.",
				KO: "stream.go: 프레임은 길이 4바이트(binary.BigEndian.PutUint32 / Uint32)와 메시지입니다. Send는 프레임 전체를 슬라이스 하나에 만들고 sendMu를 잡은 채 씁니다. Recv는 recvMu를 잡은 채: io.ReadFull(r, header[:])(오류는 그대로 돌려주세요. io.EOF는 스트림이 정상적으로 끝났다는 뜻입니다), make([]byte, n) 하기 전에 n > MaxMessage면 ErrTooLarge, 그다음 io.ReadFull(r, msg)를 하고 거기서 나온 io.EOF는 io.ErrUnexpectedEOF로 바꾸세요. closed는 atomic.Bool로 두고, Close는 w와 r이 io.Closer이면 w, r 순서로 닫습니다.",
			},
			{
				EN: "process.go: childIn, toChild, _ := os.Pipe(); fromChild, childOut, _ := os.Pipe(); cmd.ExtraFiles = []*os.File{childIn, childOut} (they become fd 3 and 4); cmd.Start(); then childIn.Close() and childOut.Close() in the parent, or the parent's Recv never sees EOF; return NewStream(fromChild, toChild). Parent() is NewStream(os.NewFile(3, ...), os.NewFile(4, ...)).",
				KO: "process.go: childIn, toChild, _ := os.Pipe(); fromChild, childOut, _ := os.Pipe(); cmd.ExtraFiles = []*os.File{childIn, childOut}(각각 fd 3, 4가 됩니다); cmd.Start(); 그다음 부모에서 childIn.Close()와 childOut.Close()를 하세요. 그러지 않으면 부모의 Recv는 EOF를 영영 보지 못합니다. 그리고 NewStream(fromChild, toChild)를 돌려주세요. Parent()는 NewStream(os.NewFile(3, ...), os.NewFile(4, ...))입니다.",
			},
		},
	},
	{
		Number: "10", Dir: "10-process",
		Title:   "Process: work in another program",
		TitleKO: "Process: 다른 프로그램에서 일하기",
		Stubs:   []string{"process.go"},
		Allow:   []string{"os/exec", "os.FindProcess", "syscall.SIGKILL", "syscall.SIGTERM", "syscall.SIGINT", "syscall.Signal", "syscall.WaitStatus"},
		Hints: []Hint{
			{
				EN: "Go cannot fork a running program, so the child is this same program started again: exec.Command(os.Executable(), args...) with one extra environment variable naming the task. RunChild is the other half: if that variable is set, look the task up, call it, and os.Exit with what it returned. Register only fills a map.",
				KO: "Go는 실행 중인 프로그램을 fork할 수 없으니 자식은 같은 프로그램을 다시 실행한 것입니다. exec.Command(os.Executable(), args...)에 작업 이름을 담은 환경 변수 하나를 더해 시작하세요. RunChild는 자식 쪽에서 그 반대 일을 합니다. 그 변수가 있으면 작업을 찾아 호출하고, 돌려받은 값을 종료 코드로 삼아 os.Exit합니다. Register는 맵을 채우기만 합니다.",
			},
			{
				EN: "Someone must call cmd.Wait exactly once, or the ended child stays a zombie: do it on a goroutine started by Start, right after cmd.Start. When Wait returns, store cmd.ProcessState under the mutex and close a done channel. Join is <-done for every joiner; IsAlive is 'started and no ProcessState yet', read under the same mutex. Start checks 'already started' and sets cmd in one locked step.",
				KO: "누군가 cmd.Wait를 정확히 한 번 불러야 끝난 자식이 좀비로 남지 않습니다. Start가 cmd.Start 직후에 띄운 고루틴에서 부르세요. Wait가 돌아오면 뮤텍스를 잡고 cmd.ProcessState를 저장한 뒤 done 채널을 닫습니다. Join은 누가 부르든 <-done이고, IsAlive는 같은 뮤텍스 아래에서 읽은 '시작했고 아직 ProcessState가 없음'입니다. Start는 '이미 시작했는지' 확인과 cmd 저장을 락을 한 번 잡은 상태에서 함께 합니다.",
			},
			{
				EN: "ExitCode: -1 while ProcessState is nil, else ProcessState.ExitCode() (already -1 for a killed child). ExitSignal: ws, ok := state.Sys().(syscall.WaitStatus); if ok && ws.Signaled() return ws.Signal(). Terminate and Kill: cmd.Process.Signal(syscall.SIGTERM or SIGKILL), treating os.ErrProcessDone as success. JoinTimeout: select on done with a default first, return false if d <= 0, then select on done and time.NewTimer(d).C. Never recover the task's panic in RunChild.",
				KO: "ExitCode: ProcessState가 nil이면 -1, 아니면 ProcessState.ExitCode()(시그널로 죽은 자식이면 이미 -1). ExitSignal: ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled()이면 ws.Signal(). Terminate와 Kill: cmd.Process.Signal(syscall.SIGTERM 또는 SIGKILL), os.ErrProcessDone은 성공으로 봅니다. JoinTimeout: 먼저 default가 있는 select로 done을 살피고, d <= 0이면 false, 그다음 done과 time.NewTimer(d).C를 select합니다. RunChild에서 작업의 패닉을 recover하지 마세요.",
			},
		},
	},
	{
		Number: "11", Dir: "11-shared-state",
		Title:   "Shared state: one owner, many processes",
		TitleKO: "공유 상태: 주인은 하나, 프로세스는 여럿",
		Stubs:   []string{"store.go", "manager.go", "filelock.go"},
		Allow: []string{"os/exec", "os.OpenFile", "os.Open", "os.Create", "os.Remove", "os.O_CREATE", "os.O_RDWR", "os.O_RDONLY", "os.O_WRONLY", "os.O_APPEND", "os.O_EXCL", "os.O_TRUNC",
			"syscall.Flock", "syscall.LOCK_EX", "syscall.LOCK_SH", "syscall.LOCK_NB", "syscall.LOCK_UN", "syscall.EWOULDBLOCK", "syscall.EAGAIN", "syscall.EINTR", "syscall.Errno"},
		Hints: []Hint{
			{
				EN: "Start with Store. The map is not a field: NewStore makes it and hands it to a goroutine it starts, the owner, which loops forever running the operations it receives on a channel. Every method sends one operation (a func(map[string]int) is the easiest kind) and waits until it has run.",
				KO: "Store부터 시작하세요. 맵은 필드가 아닙니다. NewStore가 맵을 만들어, 직접 시작한 고루틴(주인)에게 넘깁니다. 주인 고루틴은 루프를 돌며 채널로 받은 연산을 하나씩 실행합니다. 메서드마다 연산 하나를 보내고(func(map[string]int)가 가장 쉽습니다) 그것이 실행될 때까지 기다립니다.",
			},
			{
				EN: "Give Store three channels: ops chan func(map[string]int), quit (closed by Close, through a sync.Once) and done (closed by the owner with defer when it returns). The owner: for { select { case op := <-s.ops: op(m); case <-s.quit: return } }. A helper do(op) wraps op so that it closes a `ran` channel, then: select { case s.ops <- wrapped: <-ran; return nil; case <-s.quit: return ErrClosed }. Close: close quit once, then <-s.done. Update is ONE operation: v = f(m[key]); m[key] = v.",
				KO: "Store에 채널 세 개를 두세요. ops chan func(map[string]int), quit(Close가 sync.Once로 닫음), done(주인이 돌아갈 때 defer로 닫음). 주인: for { select { case op := <-s.ops: op(m); case <-s.quit: return } }. 도우미 do(op)는 op를 감싸 끝나면 `ran` 채널을 닫게 한 뒤 select { case s.ops <- wrapped: <-ran; return nil; case <-s.quit: return ErrClosed }를 합니다. Close: quit를 한 번만 닫고 <-s.done. Update는 연산 하나입니다: v = f(m[key]); m[key] = v.",
			},
			{
				EN: "Manager: a *Store for the dict, a slice plus a sync.Mutex for the list. Serve: dec, enc := json.NewDecoder(r), json.NewEncoder(w); loop { var req request; if err := dec.Decode(&req); err != nil { if errors.Is(err, io.EOF) { return nil }; return err }; enc.Encode(m.handle(req)) }. For \"add\", handle calls m.dict.Update(req.Key, func(old int) int { return old + req.N }). Client: a mutex, an encoder on w and a decoder on r; each method Encodes one request, Decodes one reply and turns reply.Err into an error. Add sends one \"add\" request, never Get then Set.",
				KO: "Manager: dict는 *Store, list는 슬라이스와 sync.Mutex. Serve: dec, enc := json.NewDecoder(r), json.NewEncoder(w); loop { var req request; if err := dec.Decode(&req); err != nil { if errors.Is(err, io.EOF) { return nil }; return err }; enc.Encode(m.handle(req)) }. \"add\"이면 handle이 m.dict.Update(req.Key, func(old int) int { return old + req.N })를 부릅니다. Client: 뮤텍스 하나, w 위의 인코더, r 위의 디코더. 메서드마다 요청 하나를 Encode하고 응답 하나를 Decode한 뒤 reply.Err를 error로 바꿉니다. Add는 \"add\" 요청 하나만 보냅니다. Get을 한 다음 Set을 보내는 식이면 안 됩니다.",
			},
			{
				EN: "FileLock: keep the open *os.File in the struct while the lock is held. lock(how): if l.f != nil return ErrLocked; f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o666); err = syscall.Flock(int(f.Fd()), how); on error close f, and return false, nil when errors.Is(err, syscall.EWOULDBLOCK); else l.f = f. Lock uses syscall.LOCK_EX, TryLock LOCK_EX|LOCK_NB. Unlock: ErrNotLocked if l.f == nil, else Flock(LOCK_UN), f.Close(), l.f = nil. Never close the file while you hold the lock: that drops it.",
				KO: "FileLock: 락을 잡고 있는 동안 열린 *os.File을 구조체에 보관하세요. lock(how): l.f != nil이면 ErrLocked; f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o666); err = syscall.Flock(int(f.Fd()), how); 에러면 f를 닫고, errors.Is(err, syscall.EWOULDBLOCK)이면 false, nil을 돌려줍니다. 아니면 l.f = f. Lock은 syscall.LOCK_EX, TryLock은 LOCK_EX|LOCK_NB를 씁니다. Unlock: l.f == nil이면 ErrNotLocked, 아니면 Flock(LOCK_UN), f.Close(), l.f = nil. 락을 잡은 채 파일을 닫지 마세요. 그러면 락이 풀립니다.",
			},
		},
	},
	{
		Number: "12", Dir: "12-select",
		Title:   "select and context: asyncio's place in Go",
		TitleKO: "select와 context: Go에서 asyncio의 자리",
		Stubs:   []string{"first.go", "timeout.go", "gather.go", "merge.go", "try.go", "limiter.go"},
		Hints: []Hint{
			{
				EN: "Every function here is a goroutine or two plus one select. Start with try.go: a select with a default case never waits, which is Python's blocking=False. Then Merge: one goroutine per input copying values to out, and a WaitGroup that tells one more goroutine when to close out.",
				KO: "여기 있는 함수는 모두 고루틴 한두 개와 select 하나면 충분합니다. try.go부터 시작하세요. default case가 있는 select는 절대 기다리지 않으며, 이것이 파이썬의 blocking=False입니다. 다음은 Merge입니다. 입력마다 고루틴 하나가 값을 out으로 옮기고, WaitGroup이 모두 끝났다고 알려 주면 따로 둔 고루틴 하나가 out을 닫습니다.",
			},
			{
				EN: "For First and WithTimeout, run the work in goroutines that send their result on a channel with room for every result (make(chan result, len(tasks))): a goroutine whose result nobody reads any more must still be able to send and end. Derive the tasks' context with context.WithCancel or context.WithTimeout and defer cancel(): that is how the losers learn to stop. For Gather, errgroup.WithContext does the cancelling and the waiting.",
				KO: "First와 WithTimeout은 작업을 고루틴에서 돌리고, 결과를 모든 결과가 들어갈 자리가 있는 채널(make(chan result, len(tasks)))로 보내게 하세요. 아무도 결과를 읽지 않는 고루틴도 보내고 끝날 수 있어야 합니다. 작업의 context는 context.WithCancel이나 context.WithTimeout으로 만들고 defer cancel()을 하세요. 그래야 경쟁에서 진 작업들이 멈춰야 한다는 것을 알 수 있습니다. Gather에서는 errgroup.WithContext가 취소와 기다림을 맡아 줍니다.",
			},
			{
				EN: "The Limiter: a channel allowance of capacity n, filled with n tokens in NewLimiter, and a goroutine with a time.Ticker that, at every tick, sends cap - len tokens (not 'send until full': a send to a waiting receiver leaves the buffer as it was). Wait first checks a stop channel (select with default), then selects on <-allowance (nil), <-stop (ErrStopped) and <-ctx.Done() (ctx.Err()). Stop closes stop; the ticker goroutine selects on it too and returns, stopping the ticker. Before Wait waits, it looks at stop and then at ctx (a select with default on each): a limiter already stopped says ErrStopped, and a ctx already done takes no allowance, even if some is left.",
				KO: "Limiter: 용량 n인 allowance 채널을 NewLimiter에서 토큰 n개로 채우고, time.Ticker를 가진 고루틴이 틱마다 cap - len개의 토큰을 보냅니다('가득 찰 때까지 보내기'는 안 됩니다. 기다리는 수신자에게 보내면 버퍼는 그대로이기 때문입니다). Wait는 먼저 stop 채널을 확인하고(default가 있는 select), 그다음 <-allowance(nil), <-stop(ErrStopped), <-ctx.Done()(ctx.Err())를 select합니다. Stop은 stop을 닫고, 틱 고루틴도 stop을 select하다가 반환하며 ticker를 멈춥니다. Wait는 기다리기 전에 먼저 stop을, 그다음 ctx를 봅니다(각각 default가 있는 select). limiter가 이미 멈췄으면 ErrStopped를 돌려주고, ctx가 이미 끝났으면 남은 몫이 있어도 가져가지 않습니다.",
			},
			{
				EN: "First: ctx, cancel := context.WithCancel(ctx); defer cancel(); results := make(chan result, len(tasks)); one goroutine per task does results <- result{task(ctx)}; then loop len(tasks) times: a nil error returns at once, otherwise collect the error, and after the loop return errors.Join(errs...). WithTimeout: the same with context.WithTimeout(ctx, d), a channel of capacity 1 and select { case r := <-done: return r.v, r.err; case <-ctx.Done(): return zero, ctx.Err() }. Gather: g, ctx := errgroup.WithContext(ctx); each g.Go stores results[i]; if err := g.Wait(); err != nil { return nil, err }.",
				KO: "First: ctx, cancel := context.WithCancel(ctx); defer cancel(); results := make(chan result, len(tasks)); 작업마다 고루틴 하나가 results <- result{task(ctx)}를 합니다. 그다음 len(tasks)번 반복하며 에러가 nil이면 바로 반환하고, 아니면 에러를 모았다가 반복이 끝나면 errors.Join(errs...)를 반환하세요. WithTimeout: context.WithTimeout(ctx, d), 용량 1인 채널, 그리고 select { case r := <-done: return r.v, r.err; case <-ctx.Done(): return zero, ctx.Err() }로 같은 방식입니다. Gather: g, ctx := errgroup.WithContext(ctx); g.Go마다 results[i]에 저장하고 if err := g.Wait(); err != nil { return nil, err }.",
			},
		},
	},
	{
		Number: "13", Dir: "13-crawler",
		Title:   "Capstone: a concurrent crawler",
		TitleKO: "캡스톤: 동시성 크롤러",
		Stubs:   []string{"limiter.go", "crawler.go"},
		Hints: []Hint{
			{
				EN: "Start with the Limiter: it needs no goroutine, only a mutex and the time at which the next caller may go. Then Crawl: the whole course in one function. A set of seen URLs (lesson 06: check and mark in one locked step), a semaphore of Workers places (lesson 07's bound), the Limiter before each request, and ctx everywhere something can wait (lesson 12). Crawl the site one depth at a time: that is what makes the depths right.",
				KO: "Limiter부터 시작하세요. 고루틴은 필요 없고 뮤텍스 하나와 '다음 호출자가 지나가도 되는 시각'만 있으면 됩니다. 그다음은 Crawl입니다. 과정 전체가 이 함수 하나에 들어 있습니다. 이미 본 URL 집합(06강: 확인과 표시를 잠금 한 번 안에서), Workers 칸짜리 세마포어(07강의 상한), 요청을 보내기 직전마다 Limiter, 그리고 기다릴 수 있는 모든 곳에 ctx(12강). 사이트를 깊이 하나씩 차례로 크롤링하세요. 그래야 깊이가 맞습니다.",
			},
			{
				EN: "Limiter.Wait: lock; turn := the later of time.Now() and l.next; l.next = turn + interval; unlock; then wait until turn with a time.Timer in a select with ctx.Done() (never sleep holding the mutex). Crawl: level := []string{start}; for depth := 0; depth <= MaxDepth && len(level) > 0; depth++ { start one goroutine per URL of the level, each after taking a place in slots := make(chan struct{}, Workers) (select that send with <-ctx.Done()); wg.Wait(); if ctx.Err() != nil return; level = next }.",
				KO: "Limiter.Wait: 잠그고, turn := time.Now()와 l.next 중 늦은 쪽, l.next = turn + interval, 잠금 해제. 그다음 ctx.Done()과 함께 select하는 time.Timer로 turn까지 기다립니다(뮤텍스를 잡은 채로 잠들지 마세요). Crawl: level := []string{start}; for depth := 0; depth <= MaxDepth && len(level) > 0; depth++ { 레벨의 URL마다 고루틴을 하나씩 시작하되, 그 전에 slots := make(chan struct{}, Workers)에서 자리를 하나 잡습니다(그 send를 <-ctx.Done()과 select); wg.Wait(); ctx.Err() != nil이면 반환; level = next }.",
			},
			{
				EN: "The goroutine of one page: defer func() { <-slots }(); err := limiter.Wait(ctx); if err == nil { found, err = fetch(ctx, client, page) }; mu.Lock(); defer mu.Unlock(); if err != nil { res.Errors[page] = err; return }; res.Pages[page] = depth; for _, link := range found { if !seen[link] { seen[link] = true; next = append(next, link) } }. seen starts as {start: true}. Take the slot before the Limiter's turn, not after, or a request that waited for a slot starts right next to another one.",
				KO: "페이지 하나의 고루틴: defer func() { <-slots }(); err := limiter.Wait(ctx); if err == nil { found, err = fetch(ctx, client, page) }; mu.Lock(); defer mu.Unlock(); if err != nil { res.Errors[page] = err; return }; res.Pages[page] = depth; for _, link := range found { if !seen[link] { seen[link] = true; next = append(next, link) } }. seen은 {start: true}로 시작합니다. Limiter의 차례보다 자리를 먼저 잡으세요. 반대로 하면 자리를 기다리던 요청이 다른 요청과 거의 동시에 출발합니다.",
			},
		},
	},
}
