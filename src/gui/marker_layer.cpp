// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/marker_layer.h"

#include <wx/image.h>

#include <algorithm>
#include <cmath>

namespace rapport::gui {

MarkerLayer::MarkerLayer(wxSize size, double scale)
    : m_size(std::max(1, static_cast<int>(std::ceil(size.x * scale))),
             std::max(1, static_cast<int>(std::ceil(size.y * scale)))),
      m_scale(scale), m_pixels(static_cast<std::size_t>(m_size.x) * m_size.y * 4, 0.0f) {}

double MarkerLayer::Coverage(Shape shape, double radius, double width, int dx, int dy) {
    // The marker's centre is the middle of pixel (0, 0).
    int inside = 0;
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            const double x = dx + (i + 0.5) / 4 - 0.5;
            const double y = dy + (j + 0.5) / 4 - 0.5;
            bool in = false;
            switch (shape) {
            case Shape::disc:
                in = x * x + y * y <= radius * radius;
                break;
            case Shape::square:
                in = std::abs(x) <= radius && std::abs(y) <= radius;
                break;
            case Shape::ring: {
                const double d = std::sqrt(x * x + y * y);
                in = d >= radius - width / 2 && d <= radius + width / 2;
                break;
            }
            }
            inside += in ? 1 : 0;
        }
    }
    return inside / 16.0;
}

void MarkerLayer::SetMarker(Shape shape, const wxColour& colour, double radius) {
    m_ink[0] = colour.Red() / 255.0f;
    m_ink[1] = colour.Green() / 255.0f;
    m_ink[2] = colour.Blue() / 255.0f;
    const float opacity = colour.Alpha() / 255.0f;
    const double r = radius * m_scale;
    const double width = m_scale; // a ring: one logical pixel
    m_sprite.reach = static_cast<int>(std::ceil(r + width)) + 1;
    m_sprite.side = 2 * m_sprite.reach + 1;
    m_sprite.alpha.assign(static_cast<std::size_t>(m_sprite.side) * m_sprite.side, 0.0f);
    for (int y = 0; y < m_sprite.side; ++y)
        for (int x = 0; x < m_sprite.side; ++x)
            m_sprite.alpha[static_cast<std::size_t>(y) * m_sprite.side + x] =
                opacity * static_cast<float>(
                              Coverage(shape, r, width, x - m_sprite.reach, y - m_sprite.reach));
}

void MarkerLayer::Stamp(double x, double y) {
    const int cx = static_cast<int>(std::floor(x * m_scale));
    const int cy = static_cast<int>(std::floor(y * m_scale));
    const int reach = m_sprite.reach;
    for (int sy = 0; sy < m_sprite.side; ++sy) {
        const int py = cy - reach + sy;
        if (py < 0 || py >= m_size.y)
            continue;
        for (int sx = 0; sx < m_sprite.side; ++sx) {
            const int px = cx - reach + sx;
            if (px < 0 || px >= m_size.x)
                continue;
            const float a = m_sprite.alpha[static_cast<std::size_t>(sy) * m_sprite.side + sx];
            if (a <= 0.0f)
                continue;
            // Porter-Duff "over" on premultiplied colour.
            float* p = &m_pixels[(static_cast<std::size_t>(py) * m_size.x + px) * 4];
            for (int c = 0; c < 3; ++c)
                p[c] = m_ink[c] * a + p[c] * (1 - a);
            p[3] = a + p[3] * (1 - a);
        }
    }
}

wxBitmap MarkerLayer::ToBitmap() const {
    wxImage image(m_size.x, m_size.y, false);
    image.InitAlpha();
    unsigned char* rgb = image.GetData();
    unsigned char* alpha = image.GetAlpha();
    const auto byte = [](float v) {
        return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
    };
    const std::size_t n = static_cast<std::size_t>(m_size.x) * m_size.y;
    for (std::size_t i = 0; i < n; ++i) {
        const float* p = &m_pixels[i * 4];
        const float a = p[3];
        for (int c = 0; c < 3; ++c)
            rgb[i * 3 + c] = a > 0 ? byte(p[c] / a) : 0; // wxImage keeps colour unpremultiplied
        alpha[i] = byte(a);
    }
    return wxBitmap(image, -1, m_scale);
}

} // namespace rapport::gui
