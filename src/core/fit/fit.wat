;; The fused training step of the lab's MLP (Dense + relu layers, softmax cross-entropy, Adam as tfjs
;; 4.22's AdamOptimizer), float32 with SIMD (f32x4); the driver is fusedMlp.ts. One call of `step` runs
;; a whole step on a batch already in memory: forward, loss, backward, Adam on every kernel and bias,
;; masks, the live |∂L/∂w| average. `forward` is the forward pass alone (the validation pass).
;; Compiled by scripts/build-wasm.mjs (wabt) into fit.wasm.ts; a unit test checks the committed bytes.
;;
;; Sparse, exactly: each layer's input rows are compacted to their nonzero entries (CSR: (i32 input, f32
;; value) pairs; MNIST's ~80 % zero pixels, relu's zeros). The forward product adds only those (a zero
;; adds ±0); the backward product into a hidden layer is computed only where its activation is nonzero
;; (relu' = 0 elsewhere); kernel row i's gradient sums over the rows where input i is nonzero (the CSC)
;; into a 256-float scratch row that Adam consumes at once: no gradient array is ever stored.
;;
;; Memory (exported; laid out by fitLayout.ts, every array 16-byte aligned, pointers are byte offsets):
;;   0 f32 β1, 4 f32 1−β1, 8 f32 β2, 12 f32 1−β2, 16 f32 ε, 20 f32 −lr, 24 f32 decay, 28 f32 1−decay
;;     (each as tfjs rounds the scalar to float32), 32 i32 correct count (written by step/forward), 36 i32
;;     the address of the pairs (k, 1.0) for k < cap (the bias's input);
;;   64 scratch row [256] f32; 1088 zeros [256]; 2112 ones [256] (the bias's mask); 3136 the layer table.
;; A layer's record (80 bytes, i32 fields): +0 inputs n, +4 stride s (units rounded up to 16; padding
;; columns of W, b and the mask are 0), +8 units u, +12 W [n, s], +16 b [s], +20 m of W, +24 v of W,
;; +28 m of b, +32 v of b, +36 mask [n, s] (f32 0/1), +40 live average [n, s], +44 out [cap, s] (relu
;; activations, or logits), +48 dZ [cap, s] (∂L/∂z), +52 CSR row starts [cap + 1] (entry addresses) of
;; the layer's input, +56 CSR entries, +60 CSC column starts [n + 1], +64 CSC entries ((i32 row, f32 value)).
(module
  (import "m" "exp" (func $exp (param f64) (result f64)))
  (import "m" "log" (func $log (param f64) (result f64)))
  (memory (export "memory") 1)

  ;; The nonzero entries of src[0, n) (f32) as (i32 index, f32 value) pairs from dst on, in ascending
  ;; index order; returns the end. Four zeros at i (one v128 test) are skipped at once; otherwise value i
  ;; is written branch-free and the end advances past it only when it is nonzero, so one pair past the end
  ;; may be written (the caller leaves room). −0 counts as zero.
  (func $compact (param $src i32) (param $n i32) (param $dst i32) (result i32)
    (local $i i32) (local $x f32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.and (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $n))
            (i32.eqz (v128.any_true (v128.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 2)))))))
        (then (local.set $i (i32.add (local.get $i) (i32.const 4))) (br $next)))
      (local.set $x (f32.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 2)))))
      (i32.store (local.get $dst) (local.get $i)) (f32.store offset=4 (local.get $dst) (local.get $x))
      (local.set $dst (i32.add (local.get $dst) (i32.shl (f32.ne (local.get $x) (f32.const 0)) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $next)))
    (local.get $dst))

  ;; out[0, s) = max(b[0, s) + Σ v · w[i, 0, s), lo) over the pairs (i, v) in [e, end), in their order
  ;; (one rounded multiply and one rounded add each). w is row-major with rows of sb = 4s bytes; units in
  ;; register blocks of 16 (4 accumulators; strides are multiples of 16). lo = 0 is relu (v < 0 ? 0 : v),
  ;; −∞ none. Serves the forward rows (pairs of a CSR row, w the kernel) and the gradient rows (pairs of a
  ;; CSC column, w = dZ, b = zeros, lo = −∞: out = Σ_k x[k, i] · dZ[k, :]; the bias's with x = 1).
  (func $rows (param $e i32) (param $end i32) (param $w i32) (param $sb i32) (param $b i32) (param $out i32) (param $lo v128)
    (local $j i32) (local $p i32) (local $q i32) (local $a v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (block $done16 (loop $block16
      (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 64)) (local.get $sb)))
      (local.set $q (i32.add (local.get $b) (local.get $j)))
      (local.set $s0 (v128.load offset=0 (local.get $q))) (local.set $s1 (v128.load offset=16 (local.get $q)))
      (local.set $s2 (v128.load offset=32 (local.get $q))) (local.set $s3 (v128.load offset=48 (local.get $q)))
      (local.set $p (local.get $e))
      (block $edone (loop $enext
        (br_if $edone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load32_splat offset=4 (local.get $p)))
        (local.set $q (i32.add (i32.add (local.get $w) (local.get $j)) (i32.mul (i32.load (local.get $p)) (local.get $sb))))
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $a) (v128.load offset=0 (local.get $q)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $a) (v128.load offset=16 (local.get $q)))))
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $a) (v128.load offset=32 (local.get $q)))))
        (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $a) (v128.load offset=48 (local.get $q)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8))) (br $enext)))
      (local.set $q (i32.add (local.get $out) (local.get $j)))
      (v128.store offset=0 (local.get $q) (f32x4.pmax (local.get $s0) (local.get $lo)))
      (v128.store offset=16 (local.get $q) (f32x4.pmax (local.get $s1) (local.get $lo)))
      (v128.store offset=32 (local.get $q) (f32x4.pmax (local.get $s2) (local.get $lo)))
      (v128.store offset=48 (local.get $q) (f32x4.pmax (local.get $s3) (local.get $lo)))
      (local.set $j (i32.add (local.get $j) (i32.const 64))) (br $block16))))

  ;; Σ x[o] · y[o] over `bytes` (a multiple of 16) in 4 lanes, then (l0 + l1) + (l2 + l3).
  (func $dot (param $x i32) (param $y i32) (param $bytes i32) (result f32) (local $o i32) (local $s v128)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $bytes)))
      (local.set $s (f32x4.add (local.get $s)
        (f32x4.mul (v128.load (i32.add (local.get $x) (local.get $o))) (v128.load (i32.add (local.get $y) (local.get $o))))))
      (local.set $o (i32.add (local.get $o) (i32.const 16))) (br $next)))
    (f32.add (f32.add (f32x4.extract_lane 0 (local.get $s)) (f32x4.extract_lane 1 (local.get $s)))
      (f32.add (f32x4.extract_lane 2 (local.get $s)) (f32x4.extract_lane 3 (local.get $s)))))

  ;; Softmax cross-entropy of the logits z [n, s] (the first c columns) against labels (u8 [n]); returns
  ;; the sum over rows of log Σ exp(z − max) − (z_y − max) (float64 from there on) and writes the count of
  ;; rows whose first arg-max is the label at 32. With grad, dZ [n, s] = (softmax − one-hot) / n (columns
  ;; from c on 0): the gradient of the batch's mean loss.
  (func $loss (param $z i32) (param $sb i32) (param $c i32) (param $n i32) (param $labels i32) (param $dz i32) (param $grad i32)
      (result f64)
    (local $k i32) (local $j i32) (local $row i32) (local $drow i32) (local $y i32) (local $arg i32) (local $correct i32)
    (local $max f32) (local $v f32) (local $e f32) (local $sum f64) (local $total f64) (local $inv f64)
    (local.set $inv (f64.div (f64.const 1) (f64.convert_i32_u (local.get $n))))
    (block $kdone (loop $knext
      (br_if $kdone (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $row (i32.add (local.get $z) (i32.mul (local.get $k) (local.get $sb))))
      (local.set $drow (i32.add (local.get $dz) (i32.mul (local.get $k) (local.get $sb))))
      (local.set $y (i32.load8_u (i32.add (local.get $labels) (local.get $k))))
      (local.set $max (f32.load (local.get $row))) (local.set $arg (i32.const 0)) (local.set $j (i32.const 1))
      (block $mdone (loop $mnext
        (br_if $mdone (i32.ge_u (local.get $j) (local.get $c)))
        (local.set $v (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))
        (if (f32.gt (local.get $v) (local.get $max)) (then (local.set $max (local.get $v)) (local.set $arg (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $mnext)))
      (local.set $correct (i32.add (local.get $correct) (i32.eq (local.get $arg) (local.get $y))))
      (local.set $sum (f64.const 0)) (local.set $j (i32.const 0))
      (block $edone (loop $enext
        (br_if $edone (i32.ge_u (local.get $j) (local.get $c)))
        (local.set $e (f32.demote_f64 (call $exp (f64.promote_f32
          (f32.sub (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))) (local.get $max))))))
        (if (local.get $grad) (then (f32.store (i32.add (local.get $drow) (i32.shl (local.get $j) (i32.const 2))) (local.get $e))))
        (local.set $sum (f64.add (local.get $sum) (f64.promote_f32 (local.get $e))))
        (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $enext)))
      (local.set $total (f64.add (local.get $total) (f64.sub (call $log (local.get $sum))
        (f64.promote_f32 (f32.sub (f32.load (i32.add (local.get $row) (i32.shl (local.get $y) (i32.const 2)))) (local.get $max))))))
      (if (local.get $grad)
        (then (local.set $j (i32.const 0))
          (block $gdone (loop $gnext
            (br_if $gdone (i32.ge_u (local.get $j) (i32.shr_u (local.get $sb) (i32.const 2))))
            (local.set $v (f32.const 0))
            (if (i32.lt_u (local.get $j) (local.get $c))
              (then (local.set $v (f32.demote_f64 (f64.mul (local.get $inv) (f64.sub
                (f64.div (f64.promote_f32 (f32.load (i32.add (local.get $drow) (i32.shl (local.get $j) (i32.const 2))))) (local.get $sum))
                (f64.convert_i32_u (i32.eq (local.get $j) (local.get $y)))))))))
            (f32.store (i32.add (local.get $drow) (i32.shl (local.get $j) (i32.const 2))) (local.get $v))
            (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $gnext)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1))) (br $knext)))
    (i32.store (i32.const 32) (local.get $correct))
    (local.get $total))

  ;; The forward pass of n rows (the first layer's rows at the addresses rowAddr [n] i32), building each
  ;; layer's CSR on the way; returns $loss's sum (and with grad, the last layer's dZ).
  (func $forward (param $table i32) (param $layers i32) (param $rowAddr i32) (param $n i32) (param $labels i32) (param $grad i32)
      (result f64)
    (local $l i32) (local $rec i32) (local $k i32) (local $e i32) (local $end i32) (local $sb i32) (local $src i32) (local $lo v128)
    (block $ldone (loop $lnext
      (br_if $ldone (i32.ge_u (local.get $l) (local.get $layers)))
      (local.set $rec (i32.add (local.get $table) (i32.mul (local.get $l) (i32.const 80))))
      (local.set $sb (i32.shl (i32.load offset=4 (local.get $rec)) (i32.const 2)))
      (local.set $lo (select (result v128) (v128.const f32x4 0 0 0 0) (v128.const f32x4 -inf -inf -inf -inf)
        (i32.lt_u (i32.add (local.get $l) (i32.const 1)) (local.get $layers))))
      (local.set $e (i32.load offset=56 (local.get $rec))) (local.set $k (i32.const 0))
      (block $kdone (loop $knext
        (br_if $kdone (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $src (if (result i32) (local.get $l)
          (then (i32.add (i32.load offset=44 (i32.sub (local.get $rec) (i32.const 80)))
            (i32.mul (local.get $k) (i32.shl (i32.load offset=4 (i32.sub (local.get $rec) (i32.const 80))) (i32.const 2)))))
          (else (i32.load (i32.add (local.get $rowAddr) (i32.shl (local.get $k) (i32.const 2)))))))
        (i32.store (i32.add (i32.load offset=52 (local.get $rec)) (i32.shl (local.get $k) (i32.const 2))) (local.get $e))
        (local.set $end (call $compact (local.get $src) (i32.load (local.get $rec)) (local.get $e)))
        (call $rows (local.get $e) (local.get $end) (i32.load offset=12 (local.get $rec)) (local.get $sb)
          (i32.load offset=16 (local.get $rec)) (i32.add (i32.load offset=44 (local.get $rec)) (i32.mul (local.get $k) (local.get $sb)))
          (local.get $lo))
        (local.set $e (local.get $end))
        (local.set $k (i32.add (local.get $k) (i32.const 1))) (br $knext)))
      (i32.store (i32.add (i32.load offset=52 (local.get $rec)) (i32.shl (local.get $n) (i32.const 2))) (local.get $e))
      (local.set $l (i32.add (local.get $l) (i32.const 1))) (br $lnext)))
    (call $loss (i32.load offset=44 (local.get $rec)) (local.get $sb) (i32.load offset=8 (local.get $rec)) (local.get $n)
      (local.get $labels) (i32.load offset=48 (local.get $rec)) (local.get $grad)))

  ;; dZ of the layer before (record prev) from this layer's (record rec): for each row k, 0 where the
  ;; activation is 0 (relu' = 0), else dZ[k, :] · W[i, :] with the kernel before this step's update.
  (func $backInputs (param $rec i32) (param $prev i32) (param $n i32)
    (local $k i32) (local $p i32) (local $end i32) (local $sb i32) (local $psb i32) (local $drow i32) (local $zrow i32)
    (local.set $sb (i32.shl (i32.load offset=4 (local.get $rec)) (i32.const 2)))
    (local.set $psb (i32.shl (i32.load offset=4 (local.get $prev)) (i32.const 2)))
    (block $kdone (loop $knext
      (br_if $kdone (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $drow (i32.add (i32.load offset=48 (local.get $prev)) (i32.mul (local.get $k) (local.get $psb))))
      (local.set $zrow (i32.add (i32.load offset=48 (local.get $rec)) (i32.mul (local.get $k) (local.get $sb))))
      (call $zero (local.get $drow) (local.get $psb))
      (local.set $p (i32.load (i32.add (i32.load offset=52 (local.get $rec)) (i32.shl (local.get $k) (i32.const 2)))))
      (local.set $end (i32.load offset=4 (i32.add (i32.load offset=52 (local.get $rec)) (i32.shl (local.get $k) (i32.const 2)))))
      (block $pdone (loop $pnext
        (br_if $pdone (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (i32.add (local.get $drow) (i32.shl (i32.load (local.get $p)) (i32.const 2)))
          (call $dot (local.get $zrow) (i32.add (i32.load offset=12 (local.get $rec)) (i32.mul (i32.load (local.get $p)) (local.get $sb)))
            (local.get $sb)))
        (local.set $p (i32.add (local.get $p) (i32.const 8))) (br $pnext)))
      (local.set $k (i32.add (local.get $k) (i32.const 1))) (br $knext))))

  ;; The CSC of a layer's input from its CSR: column i's (row k, value) pairs, k ascending, between the
  ;; addresses cols[i] and cols[i + 1]. Counts into cols[i + 1], their running sum makes cols[i + 1] the
  ;; start of column i, and filling column i moves it on to the end of column i, the start of i + 1.
  (func $transpose (param $rec i32) (param $n i32)
    (local $i i32) (local $p i32) (local $end i32) (local $q i32) (local $c i32) (local $run i32) (local $cols i32) (local $csr i32)
    (local.set $cols (i32.load offset=60 (local.get $rec))) (local.set $csr (i32.load offset=52 (local.get $rec)))
    (call $zero (local.get $cols) (i32.shl (i32.add (i32.load (local.get $rec)) (i32.const 1)) (i32.const 2)))
    (local.set $end (i32.load (i32.add (local.get $csr) (i32.shl (local.get $n) (i32.const 2)))))
    (local.set $p (i32.load (local.get $csr)))
    (block $cdone (loop $cnext
      (br_if $cdone (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $q (i32.add (local.get $cols) (i32.shl (i32.load (local.get $p)) (i32.const 2))))
      (i32.store offset=4 (local.get $q) (i32.add (i32.load offset=4 (local.get $q)) (i32.const 1)))
      (local.set $p (i32.add (local.get $p) (i32.const 8))) (br $cnext)))
    (local.set $run (i32.load offset=64 (local.get $rec))) (i32.store (local.get $cols) (local.get $run))
    (block $sdone (loop $snext
      (br_if $sdone (i32.ge_u (local.get $i) (i32.load (local.get $rec))))
      (local.set $q (i32.add (local.get $cols) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $c (i32.load offset=4 (local.get $q)))
      (i32.store offset=4 (local.get $q) (local.get $run))
      (local.set $run (i32.add (local.get $run) (i32.shl (local.get $c) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $snext)))
    ;; Row k's pairs are the CSR's pairs before the start of row k + 1 (rows are stored in order).
    (local.set $i (i32.const 0)) (local.set $p (i32.load (local.get $csr)))
    (block $edone (loop $enext
      (br_if $edone (i32.ge_u (local.get $p) (local.get $end)))
      (block $kdone (loop $knext
        (br_if $kdone (i32.lt_u (local.get $p) (i32.load offset=4 (i32.add (local.get $csr) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $knext)))
      (local.set $q (i32.add (local.get $cols) (i32.shl (i32.load (local.get $p)) (i32.const 2))))
      (local.set $c (i32.load offset=4 (local.get $q)))
      (i32.store (local.get $c) (local.get $i)) (f32.store offset=4 (local.get $c) (f32.load offset=4 (local.get $p)))
      (i32.store offset=4 (local.get $q) (i32.add (local.get $c) (i32.const 8)))
      (local.set $p (i32.add (local.get $p) (i32.const 8))) (br $enext))))

  ;; Zeros `bytes` (rounded up to 16) from addr.
  (func $zero (param $addr i32) (param $bytes i32) (local $o i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $bytes)))
      (v128.store (i32.add (local.get $addr) (local.get $o)) (v128.const i32x4 0 0 0 0))
      (local.set $o (i32.add (local.get $o) (i32.const 16))) (br $next))))

  ;; Adam on `bytes` / 4 parameters w with moments m, v, as tfjs's AdamOptimizer.applyGradients does it,
  ;; one float32 rounding per operation in its order, given the gradient g (masked: g · mask):
  ;;   m ← m·β1 + g·(1−β1);  v ← v·β2 + g²·(1−β2);  w ← ((m / c1) / (√(v / c2) + ε))·(−lr) + w;  w ← w·mask
  ;; with c1 = 1 − β1^t, c2 = 1 − β2^t as tfjs rounds them (the driver's). With live (a kernel's, on the
  ;; steps the caller says), avg ← avg·decay + |g|·(1 − decay). grads (tests): m ← g, nothing else changes.
  ;; The constants are the header's (splat from memory where used).
  (func $adam (param $g i32) (param $w i32) (param $m i32) (param $v i32) (param $mask i32) (param $avg i32) (param $bytes i32)
      (param $live i32) (param $grads i32) (param $c1 f32) (param $c2 f32)
    (local $o i32) (local $k v128) (local $gv v128) (local $mv v128) (local $vv v128)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $bytes)))
      (local.set $k (v128.load (i32.add (local.get $mask) (local.get $o))))
      (local.set $gv (f32x4.mul (v128.load (i32.add (local.get $g) (local.get $o))) (local.get $k)))
      (if (local.get $grads)
        (then (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $gv)))
        (else
          (local.set $mv (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $o))) (v128.load32_splat (i32.const 0)))
            (f32x4.mul (local.get $gv) (v128.load32_splat (i32.const 4)))))
          (local.set $vv (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $o))) (v128.load32_splat (i32.const 8)))
            (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (v128.load32_splat (i32.const 12)))))
          (v128.store (i32.add (local.get $m) (local.get $o)) (local.get $mv))
          (v128.store (i32.add (local.get $v) (local.get $o)) (local.get $vv))
          (v128.store (i32.add (local.get $w) (local.get $o))
            (f32x4.mul (local.get $k) (f32x4.add (v128.load (i32.add (local.get $w) (local.get $o)))
              (f32x4.mul (v128.load32_splat (i32.const 20)) (f32x4.div (f32x4.div (local.get $mv) (f32x4.splat (local.get $c1)))
                (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vv) (f32x4.splat (local.get $c2)))) (v128.load32_splat (i32.const 16))))))))
          (if (local.get $live)
            (then (v128.store (i32.add (local.get $avg) (local.get $o))
              (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $avg) (local.get $o))) (v128.load32_splat (i32.const 24)))
                (f32x4.mul (f32x4.abs (local.get $gv)) (v128.load32_splat (i32.const 28)))))))))
      (local.set $o (i32.add (local.get $o) (i32.const 16))) (br $next))))

  ;; A layer's gradients and Adam: kernel row i's gradient Σ_k x[k, i] · dZ[k, :] over its CSC column into
  ;; the scratch row, then Adam on that row; the bias's gradient Σ_k dZ[k, :] likewise, then Adam (mask: ones).
  (func $update (param $rec i32) (param $n i32) (param $live i32) (param $grads i32) (param $c1 f32) (param $c2 f32)
    (local $i i32) (local $off i32) (local $sb i32) (local $dz i32)
    (local.set $sb (i32.shl (i32.load offset=4 (local.get $rec)) (i32.const 2))) (local.set $dz (i32.load offset=48 (local.get $rec)))
    (block $idone (loop $inext
      (br_if $idone (i32.ge_u (local.get $i) (i32.load (local.get $rec))))
      (local.set $off (i32.mul (local.get $i) (local.get $sb)))
      (call $rows (i32.load (i32.add (i32.load offset=60 (local.get $rec)) (i32.shl (local.get $i) (i32.const 2))))
        (i32.load offset=4 (i32.add (i32.load offset=60 (local.get $rec)) (i32.shl (local.get $i) (i32.const 2))))
        (local.get $dz) (local.get $sb) (i32.const 1088) (i32.const 64) (v128.const f32x4 -inf -inf -inf -inf))
      (call $adam (i32.const 64) (i32.add (i32.load offset=12 (local.get $rec)) (local.get $off))
        (i32.add (i32.load offset=20 (local.get $rec)) (local.get $off)) (i32.add (i32.load offset=24 (local.get $rec)) (local.get $off))
        (i32.add (i32.load offset=36 (local.get $rec)) (local.get $off)) (i32.add (i32.load offset=40 (local.get $rec)) (local.get $off))
        (local.get $sb) (local.get $live) (local.get $grads) (local.get $c1) (local.get $c2))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $inext)))
    ;; The bias: a weight whose input is 1 on every row (the pairs (k, 1) at the header's address 36).
    (call $rows (i32.load (i32.const 36)) (i32.add (i32.load (i32.const 36)) (i32.shl (local.get $n) (i32.const 3)))
      (local.get $dz) (local.get $sb) (i32.const 1088) (i32.const 64) (v128.const f32x4 -inf -inf -inf -inf))
    (call $adam (i32.const 64) (i32.load offset=16 (local.get $rec)) (i32.load offset=28 (local.get $rec))
      (i32.load offset=32 (local.get $rec)) (i32.const 2112) (i32.const 0) (local.get $sb) (i32.const 0) (local.get $grads)
      (local.get $c1) (local.get $c2)))

  ;; One training step on the n rows at rowAddr [n] (i32 addresses of the first layer's input rows) with
  ;; labels (u8 [n]): the forward pass, then from the last layer down: the layer before's dZ (with this
  ;; layer's kernel before its update), this layer's CSC, gradients and Adam. Returns the batch's mean
  ;; loss; the correct count is at 32. live: update the kernels' live averages; grads (tests): see $adam.
  (func (export "step") (param $table i32) (param $layers i32) (param $rowAddr i32) (param $n i32) (param $labels i32)
      (param $live i32) (param $grads i32) (param $c1 f32) (param $c2 f32) (result f64)
    (local $loss f64) (local $l i32) (local $rec i32)
    (local.set $loss (call $forward (local.get $table) (local.get $layers) (local.get $rowAddr) (local.get $n) (local.get $labels) (i32.const 1)))
    (local.set $l (local.get $layers))
    (loop $back
      (local.set $l (i32.sub (local.get $l) (i32.const 1)))
      (local.set $rec (i32.add (local.get $table) (i32.mul (local.get $l) (i32.const 80))))
      (if (local.get $l) (then (call $backInputs (local.get $rec) (i32.sub (local.get $rec) (i32.const 80)) (local.get $n))))
      (call $transpose (local.get $rec) (local.get $n))
      (call $update (local.get $rec) (local.get $n) (local.get $live) (local.get $grads) (local.get $c1) (local.get $c2))
      (br_if $back (local.get $l)))
    (f64.div (local.get $loss) (f64.convert_i32_u (local.get $n))))

  ;; The forward pass alone over n rows (the validation pass, in blocks): returns the sum of the rows'
  ;; losses; the correct count is at 32.
  (func (export "forward") (param $table i32) (param $layers i32) (param $rowAddr i32) (param $n i32) (param $labels i32) (result f64)
    (call $forward (local.get $table) (local.get $layers) (local.get $rowAddr) (local.get $n) (local.get $labels) (i32.const 0))))
