// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thousands of small markers (the portfolio plot's customers) drawn as one image. Cairo fills
// a path of ten thousand circles in over a second under Xvfb (its scan converter sorts every
// edge of every circle); stamping one pre-drawn, anti-aliased marker into a pixel buffer and
// drawing that buffer once takes milliseconds. Overlapping markers darken where customers
// crowd, as translucent ink would.
#include <wx/bitmap.h>
#include <wx/colour.h>
#include <wx/gdicmn.h>

#include <vector>

namespace rapport::gui {

class MarkerLayer {
public:
    enum class Shape { disc, square, ring };

    // A layer of `size` logical pixels, stored at `scale` device pixels per logical one.
    MarkerLayer(wxSize size, double scale);

    // Chooses the marker the next Stamp calls draw: `radius` in logical pixels, `colour`'s
    // alpha as the ink's opacity (a ring is drawn one logical pixel wide).
    void SetMarker(Shape shape, const wxColour& colour, double radius);
    // Draws the marker centred on (x, y), in logical pixels; parts outside the layer are cut.
    void Stamp(double x, double y);
    // The layer as a bitmap with alpha, to draw at (0, 0) in `size` logical pixels.
    wxBitmap ToBitmap() const;

    // The share (0 to 1) of the device pixel whose top left corner is (dx, dy) from a marker's
    // centre that the marker covers: `radius` and a ring's `width` in device pixels; 4x4
    // samples per pixel. Exposed for the tests.
    static double Coverage(Shape shape, double radius, double width, int dx, int dy);

private:
    struct Sprite {
        int reach = 0;            // pixels from the centre's pixel to the sprite's edge
        int side = 0;             // 2 * reach + 1
        std::vector<float> alpha; // side * side, the ink's opacity per pixel
    };

    wxSize m_size;    // device pixels
    double m_scale;   // device pixels per logical pixel
    float m_ink[3]{}; // the marker's colour, 0 to 1
    Sprite m_sprite;
    std::vector<float> m_pixels; // premultiplied RGBA, 0 to 1, row by row
};

} // namespace rapport::gui
