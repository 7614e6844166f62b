;; SIMD inference kernels of a pruned MLP (src/core/sparseInfer.ts), float32 throughout (f32x4): a
;; plain dense layer, a CSR layer one sample at a time, and a CSR layer over tiles of 4 samples. Every
;; output starts at its bias and adds x · w for the inputs in ascending order, one rounded multiply and
;; one rounded add each (no fused multiply-add), so for the same masked weights the three give the same
;; numbers (a pruned weight adds ±0 in the dense kernel). Compiled by scripts/build-wasm.mjs (wabt)
;; into infer.wasm.ts; a unit test checks that the committed bytes are this file's.
;;
;; Memory is exported; the caller (sparseInfer.ts) lays out every array in it, 16-byte aligned. All
;; pointers are byte offsets. `relu` is 0 (linear: the logits) or 1 (max(v, 0), keeping NaN and −0 as
;; `v < 0 ? 0 : v` does). Row-major activations [n, stride] have `stride` a multiple of 4 (padding 0).
(module
  (memory (export "memory") 1)

  ;; The lower bound of a layer's outputs: 0 for relu, −∞ (no bound) for the logits.
  (func $floor (param $relu i32) (result v128)
    (select (result v128) (v128.const f32x4 0 0 0 0) (v128.const f32x4 -inf -inf -inf -inf) (local.get $relu)))

  ;; Dense layer, sample-major: out[r, 0:stride] = b + Σ_i x[r, i] · W[i, :] over all i < inputs in
  ;; ascending order (zero inputs included), for r < n. x is [n, inStride], W [inputs, stride], b
  ;; [stride], out [n, stride]; stride a multiple of 4, padding columns of W and b zero. Units in
  ;; register blocks of 16 (4 accumulators), then 4.
  (func (export "dense") (param $x i32) (param $n i32) (param $inputs i32) (param $inStride i32)
      (param $w i32) (param $b i32) (param $stride i32) (param $out i32) (param $relu i32)
    (local $r i32) (local $j i32) (local $i i32) (local $p i32) (local $q i32) (local $wrow i32)
    (local $lo v128) (local $a v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $lo (call $floor (local.get $relu)))
    (local.set $wrow (i32.shl (local.get $stride) (i32.const 2)))
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $done16
          (loop $block16
            (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $stride)))
            (local.set $p (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $s0 (v128.load offset=0 (local.get $p)))
            (local.set $s1 (v128.load offset=16 (local.get $p)))
            (local.set $s2 (v128.load offset=32 (local.get $p)))
            (local.set $s3 (v128.load offset=48 (local.get $p)))
            (local.set $p (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $q (local.get $x))
            (local.set $i (i32.const 0))
            (block $idone
              (loop $inext
                (br_if $idone (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $a (v128.load32_splat (local.get $q)))
                (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $a) (v128.load offset=0 (local.get $p)))))
                (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $a) (v128.load offset=16 (local.get $p)))))
                (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $a) (v128.load offset=32 (local.get $p)))))
                (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $a) (v128.load offset=48 (local.get $p)))))
                (local.set $p (i32.add (local.get $p) (local.get $wrow)))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $inext)))
            (local.set $p (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
            (v128.store offset=0 (local.get $p) (f32x4.pmax (local.get $s0) (local.get $lo)))
            (v128.store offset=16 (local.get $p) (f32x4.pmax (local.get $s1) (local.get $lo)))
            (v128.store offset=32 (local.get $p) (f32x4.pmax (local.get $s2) (local.get $lo)))
            (v128.store offset=48 (local.get $p) (f32x4.pmax (local.get $s3) (local.get $lo)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $block16)))
        (block $done4
          (loop $block4
            (br_if $done4 (i32.ge_u (local.get $j) (local.get $stride)))
            (local.set $s0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $p (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $q (local.get $x))
            (local.set $i (i32.const 0))
            (block $idone
              (loop $inext
                (br_if $idone (i32.ge_u (local.get $i) (local.get $inputs)))
                (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load32_splat (local.get $q)) (v128.load (local.get $p)))))
                (local.set $p (i32.add (local.get $p) (local.get $wrow)))
                (local.set $q (i32.add (local.get $q) (i32.const 4)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $inext)))
            (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (f32x4.pmax (local.get $s0) (local.get $lo)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $block4)))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $inStride) (i32.const 2))))
        (local.set $out (i32.add (local.get $out) (local.get $wrow)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext))))

  ;; CSR layer, one sample at a time: out[r, :] = b; then for each input i < inputs ascending and each
  ;; live weight k of row i (CSR over inputs: ptr i32 [inputs + 1], unit i32, val f32), out[r, unit[k]]
  ;; += x[r, i] · val[k] (scalar); then relu, for r < n. x is [n, inStride], b [stride], out [n, stride].
  (func (export "csr") (param $x i32) (param $n i32) (param $inputs i32) (param $inStride i32)
      (param $ptr i32) (param $unit i32) (param $val i32) (param $b i32) (param $stride i32) (param $out i32) (param $relu i32)
    (local $r i32) (local $j i32) (local $i i32) (local $k i32) (local $k1 i32) (local $p i32) (local $a f32) (local $lo v128)
    (local.set $lo (call $floor (local.get $relu)))
    (local.set $stride (i32.shl (local.get $stride) (i32.const 2))) ;; bytes from here on
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $bdone
          (loop $bnext
            (br_if $bdone (i32.ge_u (local.get $j) (local.get $stride)))
            (v128.store (i32.add (local.get $out) (local.get $j)) (v128.load (i32.add (local.get $b) (local.get $j))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $bnext)))
        (local.set $k (i32.load (local.get $ptr)))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $inext
            (br_if $idone (i32.ge_u (local.get $i) (local.get $inputs)))
            (local.set $a (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $k1 (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2)))))
            (block $kdone
              (loop $knext
                (br_if $kdone (i32.ge_u (local.get $k) (local.get $k1)))
                (local.set $p (i32.add (local.get $out) (i32.shl (i32.load (i32.add (local.get $unit) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2))))
                (f32.store (local.get $p) (f32.add (f32.load (local.get $p))
                  (f32.mul (local.get $a) (f32.load (i32.add (local.get $val) (i32.shl (local.get $k) (i32.const 2)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $knext)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $inext)))
        (local.set $j (i32.const 0))
        (block $mdone
          (loop $mnext
            (br_if $mdone (i32.ge_u (local.get $j) (local.get $stride)))
            (local.set $p (i32.add (local.get $out) (local.get $j)))
            (v128.store (local.get $p) (f32x4.pmax (v128.load (local.get $p)) (local.get $lo)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $mnext)))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $inStride) (i32.const 2))))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext))))

  ;; CSR layer over tiles of 4 samples: activations are [tiles, features, 4] (a tile's 4 samples
  ;; contiguous per feature). For each tile: y[j, 0:4] = b[j]; for each input i ascending and each live
  ;; weight k of row i, y[unit[k], 0:4] += val[k] · x[i, 0:4] (one f32x4 multiply and add); relu. x is
  ;; [tiles, inputs, 4], b [units], y [tiles, units, 4]: the next layer's x.
  (func (export "csrTiles") (param $x i32) (param $tiles i32) (param $inputs i32)
      (param $ptr i32) (param $unit i32) (param $val i32) (param $b i32) (param $units i32) (param $y i32) (param $relu i32)
    (local $t i32) (local $j i32) (local $i i32) (local $k i32) (local $k1 i32) (local $p i32) (local $a v128) (local $lo v128)
    (local.set $lo (call $floor (local.get $relu)))
    (block $tdone
      (loop $tnext
        (br_if $tdone (i32.ge_u (local.get $t) (local.get $tiles)))
        (local.set $j (i32.const 0))
        (block $bdone
          (loop $bnext
            (br_if $bdone (i32.ge_u (local.get $j) (local.get $units)))
            (v128.store (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 4)))
              (v128.load32_splat (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $bnext)))
        (local.set $k (i32.load (local.get $ptr)))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $inext
            (br_if $idone (i32.ge_u (local.get $i) (local.get $inputs)))
            (local.set $a (v128.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 4)))))
            (local.set $k1 (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2)))))
            (block $kdone
              (loop $knext
                (br_if $kdone (i32.ge_u (local.get $k) (local.get $k1)))
                (local.set $p (i32.add (local.get $y) (i32.shl (i32.load (i32.add (local.get $unit) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 4))))
                (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p))
                  (f32x4.mul (v128.load32_splat (i32.add (local.get $val) (i32.shl (local.get $k) (i32.const 2)))) (local.get $a))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $knext)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $inext)))
        (local.set $j (i32.const 0))
        (block $mdone
          (loop $mnext
            (br_if $mdone (i32.ge_u (local.get $j) (local.get $units)))
            (local.set $p (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 4))))
            (v128.store (local.get $p) (f32x4.pmax (v128.load (local.get $p)) (local.get $lo)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $mnext)))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $inputs) (i32.const 4))))
        (local.set $y (i32.add (local.get $y) (i32.shl (local.get $units) (i32.const 4))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tnext))))

  ;; Row-major [4 · tiles, width] → tiles [tiles, width, 4]. Rows past the batch must be zero (the caller
  ;; clears them), so a remainder tile's padding samples are 0.
  (func (export "toTiles") (param $x i32) (param $tiles i32) (param $width i32) (param $out i32)
    (local $t i32) (local $i i32) (local $row i32) (local $p i32)
    (local.set $row (i32.shl (local.get $width) (i32.const 2)))
    (block $tdone
      (loop $tnext
        (br_if $tdone (i32.ge_u (local.get $t) (local.get $tiles)))
        (local.set $p (local.get $x))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $inext
            (br_if $idone (i32.ge_u (local.get $i) (local.get $width)))
            (v128.store (local.get $out)
              (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1 (v128.load32_zero (local.get $p))
                (f32.load (i32.add (local.get $p) (local.get $row))))
                (f32.load (i32.add (local.get $p) (i32.shl (local.get $row) (i32.const 1)))))
                (f32.load (i32.add (local.get $p) (i32.mul (local.get $row) (i32.const 3))))))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $inext)))
        (local.set $x (i32.add (local.get $x) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tnext))))

  ;; Tiles [⌈n/4⌉, classes, 4] → row-major [n, classes] (the first n samples).
  (func (export "fromTiles") (param $y i32) (param $n i32) (param $classes i32) (param $out i32)
    (local $r i32) (local $c i32) (local $p i32)
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $n)))
        ;; sample r of its tile: tile r >> 2 at (r >> 2) · classes · 16, lane (r & 3) · 4
        (local.set $p (i32.add (local.get $y) (i32.add (i32.mul (i32.shr_u (local.get $r) (i32.const 2)) (i32.shl (local.get $classes) (i32.const 4)))
          (i32.shl (i32.and (local.get $r) (i32.const 3)) (i32.const 2)))))
        (local.set $c (i32.const 0))
        (block $cdone
          (loop $cnext
            (br_if $cdone (i32.ge_u (local.get $c) (local.get $classes)))
            (f32.store (local.get $out) (f32.load (i32.add (local.get $p) (i32.shl (local.get $c) (i32.const 4)))))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cnext)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext)))))
