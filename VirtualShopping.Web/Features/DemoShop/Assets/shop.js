// Demo Outfitters' own shop script: the bag lives in this site's localStorage (it is the merchant's site),
// and every view, add, remove and purchase is reported to the chat widget with vs('track', ...).
(function () {
  'use strict';
  var BAG_KEY = 'demo-outfitters:bag';
  var currency = document.body.getAttribute('data-currency') || 'GBP';
  var money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency });

  function track(event) {
    if (typeof window.vs === 'function') {
      window.vs('track', event);
    }
  }

  function readBag() {
    try {
      var lines = JSON.parse(localStorage.getItem(BAG_KEY) || '[]');
      return Array.isArray(lines) ? lines : [];
    } catch (e) {
      return [];
    }
  }

  function writeBag(lines) {
    localStorage.setItem(BAG_KEY, JSON.stringify(lines));
    showCount(lines);
  }

  function showCount(lines) {
    var count = lines.reduce(function (sum, line) { return sum + line.quantity; }, 0);
    document.querySelectorAll('[data-cart-count]').forEach(function (el) { el.textContent = String(count); });
  }

  function absolute(path) {
    return new URL(path, location.href).href;
  }

  function trackedProduct(line) {
    return {
      id: line.id, name: line.name, price: line.price, currency: line.currency, quantity: line.quantity,
      brand: line.brand, category: line.category, variant: line.variant, url: absolute(line.url), image: absolute(line.image),
    };
  }

  function subtotal(lines) {
    return Math.round(lines.reduce(function (sum, line) { return sum + line.price * line.quantity; }, 0) * 100) / 100;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function productPage(data) {
    track({ type: 'detail', products: [{
      id: data.id, name: data.name, price: data.price, currency: data.currency, brand: data.brand, category: data.category,
      url: absolute(data.url), image: absolute(data.image),
    }] });
    var form = document.querySelector('[data-add-form]');
    var status = document.querySelector('[data-added]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var variant = form.elements.variant.value;
      var quantity = Math.min(9, Math.max(1, parseInt(form.elements.quantity.value, 10) || 1));
      var lines = readBag();
      var line = lines.find(function (l) { return l.id === data.id && l.variant === variant; });
      if (line) {
        line.quantity += quantity;
      } else {
        line = { id: data.id, name: data.name, price: data.price, currency: data.currency, brand: data.brand, category: data.category,
          variant: variant, url: data.url, image: data.image, quantity: quantity };
        lines.push(line);
      }
      writeBag(lines);
      track({ type: 'add', products: [trackedProduct(Object.assign({}, line, { quantity: quantity }))] });
      status.textContent = 'Added ' + data.name + ' (' + variant + ') to your bag.';
    });
  }

  function renderLines(container, lines, removable) {
    var list = el('ul', null, 'bag-lines');
    lines.forEach(function (line, index) {
      var item = el('li', null, 'bag-line');
      var img = el('img');
      img.src = line.image;
      img.alt = '';
      img.width = 96;
      img.height = 96;
      item.appendChild(img);
      var info = el('div', null, 'bag-line-info');
      var link = el('a', line.name);
      link.href = line.url;
      info.appendChild(link);
      info.appendChild(el('span', line.variant + ' · Qty ' + line.quantity, 'variant'));
      info.appendChild(el('span', money.format(line.price * line.quantity), 'price'));
      item.appendChild(info);
      if (removable) {
        var remove = el('button', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Remove ' + line.name + ', ' + line.variant);
        remove.addEventListener('click', function () { removeLine(index); });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    container.appendChild(list);
    container.appendChild(el('p', 'Subtotal ' + money.format(subtotal(lines)), 'subtotal'));
  }

  function removeLine(index) {
    var lines = readBag();
    var removed = lines.splice(index, 1)[0];
    writeBag(lines);
    if (removed) {
      track({ type: 'remove', products: [trackedProduct(removed)] });
      document.querySelector('[data-cart-status]').textContent = 'Removed ' + removed.name + ' from your bag.';
    }
    cartPage(document.querySelector('[data-cart]'));
  }

  function emptyBag(container) {
    var p = el('p', 'Your bag is empty. ');
    var link = el('a', 'Carry on shopping');
    link.href = '/demo/shop';
    p.appendChild(link);
    container.appendChild(p);
  }

  function cartPage(container) {
    container.replaceChildren();
    var lines = readBag();
    if (lines.length === 0) {
      emptyBag(container);
      return;
    }
    renderLines(container, lines, true);
    var checkout = el('a', 'Go to checkout', 'button');
    checkout.href = '/demo/shop/checkout';
    container.appendChild(checkout);
  }

  function checkoutPage(container) {
    container.replaceChildren();
    var lines = readBag();
    if (lines.length === 0) {
      emptyBag(container);
      return;
    }
    renderLines(container, lines, false);
    var sub = subtotal(lines);
    var shipping = sub >= 50 ? 0 : 4.95;
    var total = Math.round((sub + shipping) * 100) / 100;
    container.appendChild(el('p', 'Delivery ' + (shipping === 0 ? 'free' : money.format(shipping)), 'shipping'));
    container.appendChild(el('p', 'Total ' + money.format(total) + ' (including VAT)', 'total'));
    var place = el('button', 'Place order');
    place.type = 'button';
    place.addEventListener('click', function () {
      var orderId = 'DO-' + Date.now().toString(36).toUpperCase();
      track({
        type: 'purchase',
        products: lines.map(trackedProduct),
        purchase: { id: orderId, total: total, subtotal: sub, tax: Math.round((total - total / 1.2) * 100) / 100, shipping: shipping, currency: currency },
      });
      writeBag([]);
      container.replaceChildren();
      var heading = el('h2', 'Thank you for your order');
      heading.tabIndex = -1;
      container.appendChild(heading);
      container.appendChild(el('p', 'Your order number is ' + orderId + '. We have sent nothing anywhere: this is a demo shop.', 'order-number'));
      heading.focus();
    });
    container.appendChild(place);
  }

  showCount(readBag());
  var productData = document.getElementById('product-data');
  if (productData) {
    productPage(JSON.parse(productData.textContent));
  }
  var cart = document.querySelector('[data-cart]');
  if (cart) {
    cartPage(cart);
  }
  var checkout = document.querySelector('[data-checkout]');
  if (checkout) {
    checkoutPage(checkout);
  }
})();
