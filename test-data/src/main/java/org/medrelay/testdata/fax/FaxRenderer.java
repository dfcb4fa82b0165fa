package org.medrelay.testdata.fax;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders a laid-out fax three ways fax servers deliver them: a text PDF, an image-only PDF (CCITT G4 pages, as a
 * scan-to-fax gateway writes them) and a multi-page CCITT T.6 (G4) TIFF. Image pages are rendered from the text PDF at
 * fax resolution, slightly skewed, speckled and thresholded to black and white.
 */
final class FaxRenderer {

    static final float FAX_DPI = 200f;
    private static final float MARGIN = 54f;
    private static final float LEADING = 14f;

    private FaxRenderer() {
    }

    static void writeTextPdf(FaxPages fax, Path target) throws IOException {
        try (PDDocument document = textDocument(fax)) {
            document.save(target.toFile());
        }
    }

    static int writeImagePdf(FaxPages fax, Random random, Path target) throws IOException {
        List<BufferedImage> images = faxImages(fax, random);
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage image : images) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                PDImageXObject g4 = CCITTFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(g4, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            document.save(target.toFile());
        }
        return images.size();
    }

    static int writeG4Tiff(FaxPages fax, Random random, Path target) throws IOException {
        List<BufferedImage> images = faxImages(fax, random);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            writer.prepareWriteSequence(null);
            for (BufferedImage image : images) {
                writer.writeToSequence(new IIOImage(image, null, withResolution(writer, image, param)), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return images.size();
    }

    /** States the page's resolution (TIFF XResolution/YResolution), as fax servers do, so OCR knows the scale. */
    private static IIOMetadata withResolution(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String millimetresPerPixel = String.valueOf(25.4f / FAX_DPI);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", millimetresPerPixel);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", millimetresPerPixel);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        metadata.mergeTree("javax_imageio_1.0", root);
        return metadata;
    }

    private static PDDocument textDocument(FaxPages fax) throws IOException {
        PDDocument document = new PDDocument();
        PDFont body = new PDType1Font(Standard14Fonts.getMappedFontName(fax.font()));
        PDFont bold = new PDType1Font(fax.font().equals("Courier") ? Standard14Fonts.FontName.COURIER_BOLD
                : fax.font().startsWith("Times") ? Standard14Fonts.FontName.TIMES_BOLD : Standard14Fonts.FontName.HELVETICA_BOLD);
        PDFont stamp = new PDType1Font(Standard14Fonts.FontName.COURIER);
        for (int p = 0; p < fax.pages().size(); p++) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            List<String> lines = fax.pages().get(p);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float top = PDRectangle.LETTER.getHeight() - 28;
                show(content, stamp, 8, MARGIN, top, lines.get(0));
                float y = top - 30;
                int first = 1;
                if (p == fax.firstBodyPage()) {
                    y = letterhead(content, bold, body, fax.letterheadStyle(), lines.get(1), lines.get(2), y);
                    first = 3;
                }
                for (int i = first; i < lines.size(); i++) {
                    show(content, body, 10, MARGIN, y, lines.get(i));
                    y -= LEADING;
                }
            }
        }
        return document;
    }

    private static float letterhead(PDPageContentStream content, PDFont bold, PDFont body, int style, String name,
                                    String address, float y) throws IOException {
        float pageWidth = PDRectangle.LETTER.getWidth();
        float nameWidth = bold.getStringWidth(name) / 1000 * 15;
        float x = style == 0 ? (pageWidth - nameWidth) / 2 : MARGIN;
        show(content, bold, 15, x, y, name);
        show(content, body, 8.5f, style == 0 ? Math.max(MARGIN, (pageWidth - body.getStringWidth(address) / 1000 * 8.5f) / 2) : MARGIN,
                y - 14, address);
        if (style == 1) {
            content.moveTo(MARGIN, y - 20);
            content.lineTo(pageWidth - MARGIN, y - 20);
            content.stroke();
        } else if (style == 2) {
            content.addRect(MARGIN - 6, y - 20, pageWidth - 2 * MARGIN + 12, 40);
            content.stroke();
        }
        return y - 44;
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text) throws IOException {
        if (text.isBlank()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static List<BufferedImage> faxImages(FaxPages fax, Random random) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument document = textDocument(fax)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                images.add(faxLike(renderer.renderImageWithDPI(p, FAX_DPI, ImageType.GRAY), random));
            }
        }
        return images;
    }

    /** A slight skew (under a degree), speckle and an occasional streak, then black and white at a fixed threshold. */
    private static BufferedImage faxLike(BufferedImage gray, Random random) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        BufferedImage skewed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = skewed.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians((random.nextDouble() * 1.6) - 0.8), width / 2.0, height / 2.0);
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        BufferedImage bilevel = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        int streakY = random.nextInt(3) == 0 ? random.nextInt(height) : -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean black = (skewed.getRaster().getSample(x, y, 0) < 150) != (random.nextInt(1500) == 0);
                if (y == streakY || y == streakY + 1) {
                    black = random.nextInt(4) != 0;
                }
                bilevel.getRaster().setSample(x, y, 0, black ? 0 : 1);
            }
        }
        return bilevel;
    }
}
