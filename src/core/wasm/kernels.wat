;; SIMD kernels of the masked evaluator (src/core/maskedEval.ts), float64 throughout (f64x2), so the
;; results are those of the plain-TypeScript path up to the order of additions, which is the same.
;; Compiled by scripts/build-wasm.mjs (wabt) into kernels.wasm.ts; a unit test checks that the
;; committed bytes are this file's.
;;
;; Memory is exported; the caller (wasmKernels.ts) lays out every array in it, 16-byte aligned.
;; All pointers are byte offsets. Kernels are row-major [inputs, stride] float64 with `stride` even
;; (padding columns are zero), so each input's weights for two adjacent outputs are one f64x2.
(module
  (memory (export "memory") 1)

  ;; Gathers one row's positive entries (the relu of a hidden layer): for each i < width with
  ;; src[i] > 0, off[m] = i * wrow (the byte offset of weight row i) and val[m] = src[i]. Returns m.
  ;; Branch-free (every entry is written, m advances only for positive ones): relu signs are random.
  (func $gather (param $src i32) (param $width i32) (param $wrow i32) (param $off i32) (param $val i32) (result i32)
    (local $i i32) (local $m i32) (local $a f64) (local $o i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $width)))
        (local.set $a (f64.load (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 3)))))
        (i32.store (i32.add (local.get $off) (i32.shl (local.get $m) (i32.const 2))) (local.get $o))
        (f64.store (i32.add (local.get $val) (i32.shl (local.get $m) (i32.const 3))) (local.get $a))
        (local.set $m (i32.add (local.get $m) (f64.gt (local.get $a) (f64.const 0))))
        (local.set $o (i32.add (local.get $o) (local.get $wrow)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $m))

  ;; out[j] = b[j] + Σ_t val[t] · w[off[t] + j] for j < stride (even): one output row over m gathered
  ;; inputs. Outputs in blocks of 16 (8 accumulators), then 8, then 2, held in registers.
  (func $row (param $m i32) (param $off i32) (param $val i32) (param $w i32) (param $b i32) (param $stride i32) (param $out i32)
    (local $j i32) (local $jb i32) (local $t i32) (local $p i32) (local $a v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (block $done16
      (loop $block16
        (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $stride)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $p (i32.add (local.get $b) (local.get $jb)))
        (local.set $s0 (v128.load offset=0 (local.get $p)))
        (local.set $s1 (v128.load offset=16 (local.get $p)))
        (local.set $s2 (v128.load offset=32 (local.get $p)))
        (local.set $s3 (v128.load offset=48 (local.get $p)))
        (local.set $s4 (v128.load offset=64 (local.get $p)))
        (local.set $s5 (v128.load offset=80 (local.get $p)))
        (local.set $s6 (v128.load offset=96 (local.get $p)))
        (local.set $s7 (v128.load offset=112 (local.get $p)))
        (local.set $t (i32.const 0))
        (block $tdone
          (loop $tnext
            (br_if $tdone (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $a (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 3))))))
            (local.set $p (i32.add (i32.add (local.get $w) (local.get $jb)) (i32.load (i32.add (local.get $off) (i32.shl (local.get $t) (i32.const 2))))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (v128.load offset=0 (local.get $p)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $a) (v128.load offset=16 (local.get $p)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $a) (v128.load offset=32 (local.get $p)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $a) (v128.load offset=48 (local.get $p)))))
            (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $a) (v128.load offset=64 (local.get $p)))))
            (local.set $s5 (f64x2.add (local.get $s5) (f64x2.mul (local.get $a) (v128.load offset=80 (local.get $p)))))
            (local.set $s6 (f64x2.add (local.get $s6) (f64x2.mul (local.get $a) (v128.load offset=96 (local.get $p)))))
            (local.set $s7 (f64x2.add (local.get $s7) (f64x2.mul (local.get $a) (v128.load offset=112 (local.get $p)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $tnext)))
        (local.set $p (i32.add (local.get $out) (local.get $jb)))
        (v128.store offset=0 (local.get $p) (local.get $s0))
        (v128.store offset=16 (local.get $p) (local.get $s1))
        (v128.store offset=32 (local.get $p) (local.get $s2))
        (v128.store offset=48 (local.get $p) (local.get $s3))
        (v128.store offset=64 (local.get $p) (local.get $s4))
        (v128.store offset=80 (local.get $p) (local.get $s5))
        (v128.store offset=96 (local.get $p) (local.get $s6))
        (v128.store offset=112 (local.get $p) (local.get $s7))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $block16)))
    (block $done8
      (loop $block8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $stride)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $p (i32.add (local.get $b) (local.get $jb)))
        (local.set $s0 (v128.load offset=0 (local.get $p)))
        (local.set $s1 (v128.load offset=16 (local.get $p)))
        (local.set $s2 (v128.load offset=32 (local.get $p)))
        (local.set $s3 (v128.load offset=48 (local.get $p)))
        (local.set $t (i32.const 0))
        (block $tdone
          (loop $tnext
            (br_if $tdone (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $a (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 3))))))
            (local.set $p (i32.add (i32.add (local.get $w) (local.get $jb)) (i32.load (i32.add (local.get $off) (i32.shl (local.get $t) (i32.const 2))))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (v128.load offset=0 (local.get $p)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $a) (v128.load offset=16 (local.get $p)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $a) (v128.load offset=32 (local.get $p)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $a) (v128.load offset=48 (local.get $p)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $tnext)))
        (local.set $p (i32.add (local.get $out) (local.get $jb)))
        (v128.store offset=0 (local.get $p) (local.get $s0))
        (v128.store offset=16 (local.get $p) (local.get $s1))
        (v128.store offset=32 (local.get $p) (local.get $s2))
        (v128.store offset=48 (local.get $p) (local.get $s3))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $block8)))
    (block $done2
      (loop $block2
        (br_if $done2 (i32.ge_u (local.get $j) (local.get $stride)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $s0 (v128.load (i32.add (local.get $b) (local.get $jb))))
        (local.set $t (i32.const 0))
        (block $tdone
          (loop $tnext
            (br_if $tdone (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $a (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $t) (i32.const 3))))))
            (local.set $p (i32.add (i32.add (local.get $w) (local.get $jb)) (i32.load (i32.add (local.get $off) (i32.shl (local.get $t) (i32.const 2))))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $a) (v128.load (local.get $p)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $tnext)))
        (v128.store (i32.add (local.get $out) (local.get $jb)) (local.get $s0))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $block2))))

  ;; A hidden or output layer over n rows: out[r, :] = b + relu(in[r, :width]) · W, where `in` is
  ;; row-major [n, inStride] and `out` [n, stride]. `off` (i32) and `val` (f64) are scratch of `width`.
  (func (export "layer") (param $in i32) (param $n i32) (param $width i32) (param $inStride i32)
      (param $w i32) (param $b i32) (param $stride i32) (param $out i32) (param $off i32) (param $val i32)
    (local $r i32) (local $m i32) (local $inRow i32) (local $outRow i32)
    (local.set $inRow (i32.shl (local.get $inStride) (i32.const 3)))
    (local.set $outRow (i32.shl (local.get $stride) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $m (call $gather (local.get $in) (local.get $width) (local.get $outRow) (local.get $off) (local.get $val)))
        (call $row (local.get $m) (local.get $off) (local.get $val) (local.get $w) (local.get $b) (local.get $stride) (local.get $out))
        (local.set $in (i32.add (local.get $in) (local.get $inRow)))
        (local.set $out (i32.add (local.get $out) (local.get $outRow)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next))))

  ;; The first layer from scratch over sparse rows: z[r, :] = b + Σ_k val[k] · W[col[k], :] for the
  ;; non-zeros k of row r (CSR: ptr i32 [n + 1], col i32, val f32, as the data). W is the masked kernel
  ;; [inputs, stride] (pruned weights are 0), z is [n, stride]. `off` (i32) and `xs` (f64) are scratch
  ;; of the longest row.
  (func (export "sparseLayer") (param $ptr i32) (param $col i32) (param $val i32) (param $n i32)
      (param $w i32) (param $b i32) (param $stride i32) (param $z i32) (param $off i32) (param $xs i32)
    (local $r i32) (local $k0 i32) (local $k1 i32) (local $k i32) (local $wrow i32) (local $zRow i32)
    (local.set $wrow (i32.shl (local.get $stride) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $k0 (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $k1 (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        ;; The row's weight-row offsets and values (float32 → float64, exact), then the same blocked
        ;; kernel as the dense layers.
        (local.set $k (local.get $k0))
        (block $kdone
          (loop $knext
            (br_if $kdone (i32.ge_u (local.get $k) (local.get $k1)))
            (i32.store (i32.add (local.get $off) (i32.shl (i32.sub (local.get $k) (local.get $k0)) (i32.const 2)))
              (i32.mul (i32.load (i32.add (local.get $col) (i32.shl (local.get $k) (i32.const 2)))) (local.get $wrow)))
            (f64.store (i32.add (local.get $xs) (i32.shl (i32.sub (local.get $k) (local.get $k0)) (i32.const 3)))
              (f64.promote_f32 (f32.load (i32.add (local.get $val) (i32.shl (local.get $k) (i32.const 2))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $knext)))
        (call $row (i32.sub (local.get $k1) (local.get $k0)) (local.get $off) (local.get $xs)
          (local.get $w) (local.get $b) (local.get $stride) (i32.add (local.get $z) (local.get $zRow)))
        (local.set $zRow (i32.add (local.get $zRow) (local.get $wrow)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next))))
  ;; Incremental first layer: for each flipped weight (input i, unit j, signed change d), grouped by
  ;; input (fPtr i32 [inputs + 1], fUnit i32, fDelta f64), z[r, j] += x[r, i] · d over the rows r where
  ;; x[r, i] ≠ 0 (CSC: colPtr i32 [inputs + 1], colOff i32 = r's byte offset in z, colVal f32).
  (func (export "columnUpdate") (param $fPtr i32) (param $fUnit i32) (param $fDelta i32) (param $inputs i32)
      (param $colPtr i32) (param $colOff i32) (param $colVal i32) (param $z i32)
    (local $i i32) (local $q i32) (local $q1 i32) (local $k i32) (local $k0 i32) (local $k1 i32)
    (local $zc i32) (local $p i32) (local $d f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $inputs)))
        (local.set $q (i32.load (i32.add (local.get $fPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $q1 (i32.load offset=4 (i32.add (local.get $fPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $k0 (i32.load (i32.add (local.get $colPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $k1 (i32.load offset=4 (i32.add (local.get $colPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (block $qdone
          (loop $qnext
            (br_if $qdone (i32.ge_u (local.get $q) (local.get $q1)))
            (local.set $zc (i32.add (local.get $z) (i32.shl (i32.load (i32.add (local.get $fUnit) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 3))))
            (local.set $d (f64.load (i32.add (local.get $fDelta) (i32.shl (local.get $q) (i32.const 3)))))
            (local.set $k (local.get $k0))
            (block $kdone
              (loop $knext
                (br_if $kdone (i32.ge_u (local.get $k) (local.get $k1)))
                (local.set $p (i32.add (local.get $zc) (i32.load (i32.add (local.get $colOff) (i32.shl (local.get $k) (i32.const 2))))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
                  (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $colVal) (i32.shl (local.get $k) (i32.const 2))))) (local.get $d))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $knext)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $qnext)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))))
