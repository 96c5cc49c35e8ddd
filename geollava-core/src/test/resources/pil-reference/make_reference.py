#!/usr/bin/python3
"""Reference outputs of Hugging Face's CLIP / LLaVA-NeXT-Video image processing, built with PIL + numpy.

Run with Debian's python (apt-get install -y python3-pil python3-numpy):
    /usr/bin/python3 make_reference.py
from this folder. It (1) draws the synthetic test images into images/ (deterministic), (2) processes every
image with every config below exactly as transformers' image processors do (convert("RGB"), resize with
get_resize_output_image_size + PIL Image.resize, center_crop, rescale in float64 then float32, normalise in
float32, channels first), and writes into expected/:
  * <image>__<config>.png   the resized + cropped uint8 frame (before rescaling), saved losslessly;
  * <image>__<config>.f32   the final (3, H, W) float32 little-endian tensor, only for config "tiny";
  * manifest.json           configs, shapes, versions, and numpy linspace(...).astype(int) samples.
transformers itself is not installed on Debian; the steps below restate its code (transformers 4.45
image_transforms.resize / center_crop / rescale / normalize and CLIPImageProcessor._preprocess).
"""
import json
import math
import os

import numpy as np
import PIL
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, "images")
EXPECTED = os.path.join(HERE, "expected")
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]

CONFIGS = {
    # CLIP ViT-L/14-336 as LLaVA-NeXT-Video ships it
    "clip336": dict(size={"shortest_edge": 336}, crop=(336, 336), resample=3),
    # the tiny golden model's 56x56 frames
    "tiny": dict(size={"shortest_edge": 56}, crop=(56, 56), resample=3),
    # exact size, non-square crop, bilinear
    "exact_bilinear": dict(size={"height": 100, "width": 150}, crop=(80, 120), resample=2),
    # crop larger than the resized image: zero padding
    "pad": dict(size={"shortest_edge": 30}, crop=(40, 64), resample=3),
    # other PIL filters, downscaling and upscaling
    "lanczos": dict(size={"shortest_edge": 77}, crop=(60, 60), resample=1),
    "hamming_box": dict(size={"height": 33, "width": 47}, crop=(33, 47), resample=5),
    "box": dict(size={"height": 90, "width": 50}, crop=(90, 50), resample=4),
}


def synthetic_images():
    rng = np.random.default_rng(1234)
    y, x = np.mgrid[0:480, 0:640]
    img = np.zeros((480, 640, 3), np.uint8)
    img[..., 0] = (x * 255 // 639).astype(np.uint8)
    img[..., 1] = (y * 255 // 479).astype(np.uint8)
    img[..., 2] = (((x // 16 + y // 16) % 2) * 200 + 20).astype(np.uint8)
    circle = (x - 320) ** 2 + (y - 240) ** 2 < 120 ** 2
    img[circle] = [250, 240, 10]
    img[200:260, 50:110] = rng.integers(0, 256, (60, 60, 3), dtype=np.uint8)
    Image.fromarray(img, "RGB").save(os.path.join(IMAGES, "synthetic_gradient_640x480.png"))

    y, x = np.mgrid[0:500, 0:300]
    img = np.zeros((500, 300, 3), np.uint8)
    img[..., 0] = (((x // 3 + y // 3) % 2) * 255).astype(np.uint8)   # fine checkerboard: aliasing test
    img[..., 1] = ((x + 2 * y) % 7 * 36).astype(np.uint8)
    img[..., 2] = (255 - y * 255 // 499).astype(np.uint8)
    Image.fromarray(img, "RGB").save(os.path.join(IMAGES, "synthetic_checker_300x500.png"))

    y, x = np.mgrid[0:150, 0:200]
    g = ((np.sin(x / 9.0) * np.cos(y / 7.0) + 1) * 127.5).astype(np.uint8)
    Image.fromarray(g, "L").save(os.path.join(IMAGES, "synthetic_gray_200x150.png"))

    y, x = np.mgrid[0:90, 0:120]
    rgba = np.zeros((90, 120, 4), np.uint8)
    rgba[..., 0] = (x * 2).astype(np.uint8)
    rgba[..., 1] = (y * 2).astype(np.uint8)
    rgba[..., 2] = 128
    rgba[..., 3] = ((x + y) * 255 // 208).astype(np.uint8)
    Image.fromarray(rgba, "RGBA").save(os.path.join(IMAGES, "synthetic_rgba_120x90.png"))


def resize_size(h, w, size):
    if "shortest_edge" in size:
        s = size["shortest_edge"]
        short, long = (w, h) if w <= h else (h, w)
        new_short, new_long = s, int(s * long / short)
        return (new_long, new_short) if w <= h else (new_short, new_long)
    return size["height"], size["width"]


def center_crop(a, ch, cw):
    oh, ow = a.shape[:2]
    top = (oh - ch) // 2
    bottom = top + ch
    left = (ow - cw) // 2
    right = left + cw
    if top >= 0 and bottom <= oh and left >= 0 and right <= ow:
        return a[top:bottom, left:right]
    nh, nw = max(ch, oh), max(cw, ow)
    new = np.zeros((nh, nw) + a.shape[2:], a.dtype)
    tp = math.ceil((nh - oh) / 2)
    lp = math.ceil((nw - ow) / 2)
    new[tp:tp + oh, lp:lp + ow] = a
    top += tp
    bottom += tp
    left += lp
    right += lp
    return new[max(0, top):min(nh, bottom), max(0, left):min(nw, right)]


def process(path, cfg):
    img = Image.open(path).convert("RGB")
    a = np.array(img)
    h, w = resize_size(a.shape[0], a.shape[1], cfg["size"])
    a = np.array(Image.fromarray(a).resize((w, h), resample=cfg["resample"]))
    a = center_crop(a, *cfg["crop"])
    f = (a.astype(np.float64) * (1 / 255)).astype(np.float32)
    f = (f - np.array(MEAN, dtype=np.float32)) / np.array(STD, dtype=np.float32)
    return a, f.transpose(2, 0, 1).astype("<f4")


def main():
    os.makedirs(EXPECTED, exist_ok=True)
    synthetic_images()
    manifest = {"pillow": PIL.__version__, "numpy": np.__version__, "mean": MEAN, "std": STD,
                "rescale_factor": 1 / 255, "configs": CONFIGS, "cases": []}
    for name in sorted(os.listdir(IMAGES)):
        for cname, cfg in CONFIGS.items():
            a, f = process(os.path.join(IMAGES, name), cfg)
            base = name[:-4] + "__" + cname
            Image.fromarray(a, "RGB").save(os.path.join(EXPECTED, base + ".png"))
            case = {"image": name, "config": cname, "png": base + ".png", "shape": list(f.shape)}
            if cname == "tiny":
                f.tofile(os.path.join(EXPECTED, base + ".f32"))
                case["f32"] = base + ".f32"
            manifest["cases"].append(case)
    spans = [(0, 1, 2), (0, 9, 2), (0, 99, 8), (0, 7, 8), (0, 31, 5), (3, 17, 6), (0, 0, 3), (0, 10, 1),
             (0, 2, 7), (5, 1, 4), (0, 1000, 33)]
    manifest["linspace"] = [{"start": s, "end": e, "n": n,
                             "values": np.linspace(s, e, n).astype(int).tolist()} for s, e, n in spans]
    with open(os.path.join(EXPECTED, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)


if __name__ == "__main__":
    main()
